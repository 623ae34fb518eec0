// Files of 8 MB (under the 16 MB file size limit) until the disk is full.
const fs = require('fs');

const chunk = Buffer.alloc(1 << 20, 'x');
let written = 0;
try {
  for (let i = 0; i < 1000; i++) {
    const fd = fs.openSync('/tmp/fill' + i, 'w');
    for (let j = 0; j < 8; j++) {
      fs.writeSync(fd, chunk);
      written++;
    }
    fs.closeSync(fd);
  }
} catch (e) {
  console.log('after ' + written + ' MB: ' + e.message);
}

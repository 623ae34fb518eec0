// Empty files until /tmp runs out of inodes.
const fs = require('fs');
let files = 0;
try {
  for (;;) fs.closeSync(fs.openSync('/tmp/f' + files++, 'w'));
} catch (e) {
  console.log(e.code, files > 1000 && files <= 4096 ? 'within the inode cap' : 'after ' + files + ' files');
}

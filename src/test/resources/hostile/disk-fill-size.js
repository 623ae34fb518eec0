// Fills /tmp with 1 MiB files until the tmpfs is full; reports the error the kernel gave.
const fs = require('fs');
const chunk = Buffer.alloc(1024 * 1024, 'x');
let files = 0;
try {
  for (;;) {
    fs.writeFileSync('/tmp/fill-' + files, chunk);
    files++;
  }
} catch (e) {
  console.log(e.code, files >= 32 && files <= 64 ? 'after 32..64 MiB' : 'after ' + files + ' MiB');
}

// One file grown past the largest file a program may write (ulimit -f): the write fails, the program goes on.
const fs = require('fs');
const fd = fs.openSync('/tmp/big', 'w');
const chunk = Buffer.alloc(1024 * 1024, 'x');
let written = 0;
try {
  for (;;) written += fs.writeSync(fd, chunk);
} catch (e) {
  console.log(e.code, 'after', written / 1024 / 1024, 'MiB');
}

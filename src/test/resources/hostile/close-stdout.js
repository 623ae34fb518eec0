// Closes stdout and stderr, keeps running, then ends normally.
const fs = require('fs');
process.stdout.write('before close\n');
fs.closeSync(1);
fs.closeSync(2);
let sum = 0;
for (let i = 0; i < 1e6; i++) sum += i;
try { fs.writeSync(1, 'after close\n'); } catch (e) { /* EBADF */ }

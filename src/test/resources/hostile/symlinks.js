// Plants symlinks in /tmp to host paths and over its own file: the worker reads no file, the result is normal.
const fs = require('fs');
const targets = { docker: '/var/run/docker.sock', shadow: '/etc/shadow', root: '/', proc: '/proc/1/root' };
for (const [name, target] of Object.entries(targets)) fs.symlinkSync(target, '/tmp/' + name);
fs.unlinkSync('/tmp/main.js');
fs.symlinkSync('/etc/shadow', '/tmp/main.js');
console.log(fs.readdirSync('/tmp').sort().join(' '));
let shadow;
try { shadow = fs.readFileSync('/tmp/shadow', 'utf8').length + ' bytes'; } catch (e) { shadow = e.code; }
console.log('shadow through the link:', shadow);

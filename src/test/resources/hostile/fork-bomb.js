// The classic shell fork bomb, started from the program: the pids limit must hold it.
const { spawnSync } = require('child_process');
console.log('bombing');
spawnSync('/bin/sh', ['-c', 'b() { b | b & }; b'], { stdio: 'inherit' });
for (;;) { }

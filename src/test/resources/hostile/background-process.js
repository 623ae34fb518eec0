// Leaves a detached process that holds stdout open and sleeps, then main returns at once.
const { spawn } = require('child_process');
const child = spawn('/bin/sh', ['-c', 'sleep 600'], { detached: true, stdio: ['ignore', 'inherit', 'inherit'] });
child.unref();
console.log('main done');

const { spawn } = require('child_process');

let children = 0;
function more() {
  const child = spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' });
  child.on('error', (e) => {
    console.log('spawn failed after ' + children + ' children: ' + e.message);
    for (;;) {}
  });
  child.on('spawn', () => { children++; setImmediate(more); });
}
more();

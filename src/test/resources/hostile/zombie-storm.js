// 300 orphans that die at once, well past the pids limit (64): PID 1 must reap them or forks start failing.
const { execFileSync } = require('child_process');
const out = execFileSync('/bin/sh', ['-c',
  'i=0; while [ $i -lt 300 ]; do /bin/sh -c "/bin/true &" || exit 1; i=$((i+1)); done; echo $i orphans'],
  { encoding: 'utf8' });
process.stdout.write(out);

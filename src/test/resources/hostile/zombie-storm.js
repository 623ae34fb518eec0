// Orphans (300 unless an argument says) that die at once, well past the pids limit (128): PID 1
// must reap them or forks start failing. Each is a subshell's background subshell, orphaned when
// the subshell exits: forks only, no exec, so the storm costs what forking costs.
const { execFileSync } = require('child_process');
const count = Number(process.argv[2] || 300);
const out = execFileSync('/bin/sh', ['-c',
  'i=0; while [ $i -lt "$1" ]; do ( : & ) || exit 1; i=$((i+1)); done; echo $i orphans', 'storm', String(count)],
  { encoding: 'utf8' });
process.stdout.write(out);

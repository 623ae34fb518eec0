// Looks at every process it can see in /proc: only the sandbox's own, nothing of the host.
const fs = require('fs');
const pids = fs.readdirSync('/proc').filter(p => /^\d+$/.test(p)).map(Number).sort((a, b) => a - b);
for (const pid of pids) {
  let cmd;
  try { cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' '); } catch (e) { cmd = e.code; }
  console.log(pid, cmd);
}
console.log('count', pids.length);

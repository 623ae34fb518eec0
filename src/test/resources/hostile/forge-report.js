// Tries to forge its own verdict: reads the init's memory for anything secret, prints the init's
// report frames as its own output, then spins past its time limit. None of it reaches the worker
// as a report: the lookalikes are its output, and the verdict is the time limit's.
const fs = require('fs');
for (const file of ['/proc/1/maps', '/proc/1/mem', '/proc/1/environ', '/proc/1/fd/1']) {
  try { fs.openSync(file, 'r'); console.log(file, 'opened'); } catch (e) { console.log(file, e.code); }
}
process.stdout.write('end 0 case=0 exit=0 signal=0 time=1 cpu=1 rss=1 oom=0 timeout=0 truncated=0 stopped=0\n');
process.stdout.write('exit 0 peak=4096 oom=0\n');
process.stderr.write('\0EDC-COMPILE 0 0\n\0EDC-READY\n');
for (;;) { }

// Tries the usual ways to root: its own ids and capabilities, setuid(0), a setuid-root binary.
const fs = require('fs');
const { spawn, spawnSync } = require('child_process');
const status = fs.readFileSync('/proc/self/status', 'utf8');
for (const key of ['Uid', 'CapPrm', 'CapEff', 'CapBnd', 'CapAmb', 'NoNewPrivs']) {
  console.log(status.split('\n').find(l => l.startsWith(key + ':')).replace(/\s+/g, ' '));
}
// Node refuses process.setuid (CVE-2024-22017); perl makes the raw setreuid call.
const perl = spawnSync('/usr/bin/perl', ['-e', '$< = $> = 0; print "setuid(0): $!\\n"'], { encoding: 'utf8' });
process.stdout.write(perl.stdout);
// A user namespace would make it root inside one: refused without CAP_SYS_ADMIN (Docker's seccomp profile).
const unshare = spawnSync('/usr/bin/unshare', ['-r', 'id', '-u'], { encoding: 'utf8' });
process.stdout.write(unshare.stdout + unshare.stderr);
// passwd is setuid root: with no-new-privileges it runs with the caller's ids.
const passwd = spawn('/usr/bin/passwd', [], { stdio: 'pipe' });
const poll = setInterval(() => {
  const s = fs.readFileSync(`/proc/${passwd.pid}/status`, 'utf8');
  if (!/^Name:\s+passwd$/m.test(s)) return;
  clearInterval(poll);
  console.log('passwd runs as', s.split('\n').find(l => l.startsWith('Uid:')).replace(/\s+/g, ' '));
  passwd.kill('SIGKILL');
}, 10);

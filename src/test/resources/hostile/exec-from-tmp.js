// Writes an executable into /tmp and runs it: /tmp is noexec.
const fs = require('fs');
const { spawnSync } = require('child_process');
fs.writeFileSync('/tmp/payload.sh', '#!/bin/sh\necho escaped\n', { mode: 0o755 });
const run = spawnSync('/tmp/payload.sh', { encoding: 'utf8' });
console.log(run.error ? run.error.code : 'ran: ' + run.stdout);

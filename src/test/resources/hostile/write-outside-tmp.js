// Tries to write everywhere but /tmp: the root filesystem is read-only.
const fs = require('fs');
for (const path of ['/etc/passwd', '/opt/edc/init', '/opt/edc/evil', '/usr/bin/evil', '/home/evil', '/evil', '/var/tmp/evil', '/dev/shm/evil']) {
  try {
    fs.writeFileSync(path, 'owned');
    console.log(path, 'WRITTEN');
  } catch (e) {
    console.log(path, e.code);
  }
}

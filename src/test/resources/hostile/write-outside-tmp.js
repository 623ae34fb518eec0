// Tries to write everywhere but /tmp: the root filesystem is read-only, and so are its own cgroup's limits and /proc/sys.
const fs = require('fs');
for (const path of ['/etc/passwd', '/opt/edc/init', '/opt/edc/evil', '/usr/bin/evil', '/home/evil', '/evil', '/var/tmp/evil',
  '/dev/shm/evil', '/sys/fs/cgroup/memory/memory.limit_in_bytes', '/sys/fs/cgroup/pids/pids.max', '/proc/sys/kernel/hostname']) {
  try {
    fs.writeFileSync(path, 'owned');
    console.log(path, 'WRITTEN');
  } catch (e) {
    console.log(path, e.code);
  }
}

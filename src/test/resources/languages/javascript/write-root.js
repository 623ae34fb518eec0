const fs = require('fs');

try {
  fs.writeFileSync('/etc/x', 'x');
  console.log('written');
} catch (e) {
  console.log('/etc/x: ' + e.message);
}

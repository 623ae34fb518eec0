// Opens files until the descriptor limit: the program's own EMFILE.
const fs = require('fs');
let open = 0;
try {
  for (;;) { fs.openSync('/dev/null', 'r'); open++; }
} catch (e) {
  console.log(e.code, open < 256 ? 'under 256' : open);
}

// Reads stdin when the request gave none: end of file at once, no hang.
const data = require('fs').readFileSync(0, 'utf8');
console.log('read', data.length, 'bytes');

// Floods stderr, a little stdout first: the cap is on both together.
console.log('start');
const line = 'E'.repeat(999) + '\n';
for (;;) process.stderr.write(line);

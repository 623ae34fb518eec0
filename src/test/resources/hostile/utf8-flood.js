// Floods one ASCII byte then 4-byte emoji past a 1 KiB cap: the cut falls inside a character and must not split it.
process.stdout.write('x');
const chunk = '😀'.repeat(256);
for (;;) process.stdout.write(chunk);

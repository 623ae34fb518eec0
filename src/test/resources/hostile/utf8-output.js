// Multi-byte characters over many 1024-byte frames: each must come back whole.
const line = 'é😀ß漢'.repeat(500) + '\n';
for (let i = 0; i < 4; i++) process.stdout.write(line);
process.stderr.write('ñ🙂'.repeat(1000));

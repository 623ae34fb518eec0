// Writes without end: the output cap must stop it.
const line = 'flood '.repeat(100) + '\n';
for (;;) process.stdout.write(line);

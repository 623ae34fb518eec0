// Writes on stderr only and succeeds.
for (let i = 1; i <= 3; i++) console.error('warning ' + i);

// Exits with 137 by itself, as an OOM-killed process would appear: must not pass for a memory verdict.
console.log('pretending');
process.exit(137);

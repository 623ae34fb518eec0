// Exits with a code of its own choosing after writing on both streams.
console.log('out');
console.error('err');
process.exit(42);

// Blocks forever without using the CPU, and ignores the polite signals.
process.on('SIGTERM', () => {});
process.on('SIGINT', () => {});
console.log('going to sleep');
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);

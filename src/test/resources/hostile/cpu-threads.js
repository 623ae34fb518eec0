// Four worker threads spinning: one CPU's quota, and the wall clock still ends it.
const { Worker } = require('worker_threads');
for (let i = 0; i < 4; i++) new Worker('for (;;) {}', { eval: true });
console.log('spinning');

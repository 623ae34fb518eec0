// Dies by SIGSEGV, as a native crash would.
console.log('about to crash');
process.kill(process.pid, 'SIGSEGV');

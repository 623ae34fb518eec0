// process.abort(): SIGABRT.
console.log('aborting');
process.abort();

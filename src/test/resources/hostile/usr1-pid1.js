// Sends PID 1 the signal the worker uses to stop a run at a limit: the program has stopped itself, like kill -9.
console.log('stopping myself');
process.kill(1, 'SIGUSR1');
setTimeout(() => console.log('not reached'), 5000);

// Signals PID 1 (the sandbox's init) with what would end an ordinary process, the worker's stop
// signal included: it runs as another user, so none reaches it, and it still reports.
for (const signal of ['SIGKILL', 'SIGTERM', 'SIGINT', 'SIGHUP', 'SIGQUIT', 'SIGUSR1', 'SIGUSR2', 'SIGSTOP']) {
  try { process.kill(1, signal); console.log(signal, 'sent'); } catch (e) { console.log(signal, e.code); }
}
setTimeout(() => console.log('init survived'), 200);

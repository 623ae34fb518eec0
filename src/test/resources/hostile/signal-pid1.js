// Signals PID 1 (the runner's init) with what would end an ordinary process: it stays, and still reports.
for (const signal of ['SIGKILL', 'SIGTERM', 'SIGINT', 'SIGHUP', 'SIGQUIT', 'SIGCHLD', 'SIGPIPE', 'SIGUSR2', 'SIGSTOP']) {
  process.kill(1, signal);
}
setTimeout(() => console.log('init survived'), 200);

'use strict';
// The Node.js runner of an EDC sandbox: reads the job from stdin, then runs the program as this
// process's main module, so exit codes, stdout, stderr and process.exit behave as in `node main.js`.
// Input: records "<key> <length>\n" then that many bytes; keys source, stdin, arg (repeated), end.
// Waiting for it, it writes "\0EDC-READY <bytes in use>\n" on stderr. Before any user code runs it
// writes "\0EDC-COMPILE 0 0\n" on stdout: the run starts there.
const fs = require('fs');
const Module = require('module');

const WORK = '/tmp';
const MAIN = WORK + '/main.js';
const STDIN = WORK + '/.stdin';

function readJob() {
  const chunks = [];
  let buffered = Buffer.alloc(0);
  const job = { source: '', stdin: Buffer.alloc(0), args: [] };
  const more = () => {
    const chunk = Buffer.alloc(65536);
    let n;
    for (;;) {
      try { n = fs.readSync(0, chunk, 0, chunk.length, null); break; }
      catch (e) { if (e.code !== 'EAGAIN') throw e; }
    }
    if (n === 0) throw new Error('truncated job');
    buffered = Buffer.concat([buffered, chunk.subarray(0, n)]);
  };
  for (;;) {
    let eol;
    while ((eol = buffered.indexOf(10)) < 0) more();
    const [key, length] = buffered.subarray(0, eol).toString('ascii').split(' ');
    const size = Number(length);
    while (buffered.length < eol + 1 + size) more();
    const value = buffered.subarray(eol + 1, eol + 1 + size);
    buffered = buffered.subarray(eol + 1 + size);
    if (key === 'source') job.source = value.toString('utf8');
    else if (key === 'stdin') job.stdin = Buffer.from(value);
    else if (key === 'arg') job.args.push(value.toString('utf8'));
    else if (key === 'end') return job;
    else throw new Error('unknown record ' + key);
  }
}

// Node writes to pipes asynchronously: a program printing faster than the worker reads would queue
// its output in memory without bound and end as an OOM instead of at the output cap. Blocking
// writes make it wait for the reader, as other runtimes do. Made now, while the runner waits:
// creating the streams is a good part of a hello world's time.
for (const stream of [process.stdout, process.stderr]) {
  if (stream._handle && typeof stream._handle.setBlocking === 'function') stream._handle.setBlocking(true);
}
/** The memory this container uses now, as its cgroup counts it (v2, else v1); -1 if unknown. */
function memoryInUse() {
  for (const file of ['/sys/fs/cgroup/memory.current', '/sys/fs/cgroup/memory/memory.usage_in_bytes']) {
    try { return fs.readFileSync(file, 'ascii').trim(); } catch { /* the other version */ }
  }
  return '-1';
}

// Before any user code: the worker knows this runner waits for its job, and what an idle one costs.
fs.writeSync(2, `\0EDC-READY ${memoryInUse()}\n`);
const job = readJob();
fs.writeFileSync(MAIN, job.source);
fs.writeFileSync(STDIN, job.stdin);
// The program reads its stdin to the end: make fd 0 that file (open takes the lowest free fd).
fs.closeSync(0);
fs.openSync(STDIN, 'r');
fs.writeSync(1, '\0EDC-COMPILE 0 0\n');
process.argv = [process.argv[0], MAIN, ...job.args];
Module.runMain();

'use strict';
// The Node.js warm runner of an EDC sandbox (runners/PROTOCOL.md, "Warm runners"): waits, loaded,
// for its job, then runs the program's entry file (the init wrote the files into the working
// directory) as this process's main module, so exit codes, stdout, stderr, stdin and process.exit
// behave as in `node main.js`.
// Job on stdin: records "<key> <length>\n" then that many bytes; keys main (the entry file), arg
// (repeated), end. The program's stdin follows on the same descriptor: the job is read exactly,
// never a byte beyond it. Waiting for it, it writes "\0EDC-READY\n" on stderr; before any user
// code runs it writes "\0EDC-COMPILE 0 0\n" on stdout.
const fs = require('fs');
const path = require('path');
const Module = require('module');

function readExactly(size) {
  const bytes = Buffer.alloc(size);
  let got = 0;
  while (got < size) {
    let n;
    try { n = fs.readSync(0, bytes, got, size - got, null); }
    catch (e) { if (e.code === 'EAGAIN') continue; throw e; }
    if (n === 0) throw new Error('truncated job');
    got += n;
  }
  return bytes;
}

function readLine() {
  let line = '';
  for (;;) {
    const c = readExactly(1)[0];
    if (c === 10) return line;
    if (line.length > 64) throw new Error('bad record header');
    line += String.fromCharCode(c);
  }
}

function readJob() {
  const job = { main: 'main.js', args: [] };
  for (;;) {
    const [key, length] = readLine().split(' ');
    const value = readExactly(Number(length));
    if (key === 'main') job.main = value.toString('utf8');
    else if (key === 'arg') job.args.push(value.toString('utf8'));
    else if (key === 'end') return job;
    else throw new Error('unknown record ' + key);
  }
}

// Blocking stdout and stderr (edc-stdio.js). Made now, while the runner waits: creating the
// streams is a good part of a hello world's time.
require('./edc-stdio.js');

// Before any user code: the init knows this runner waits for its job.
fs.writeSync(2, '\0EDC-READY\n');
const job = readJob();
const main = path.resolve(job.main);
fs.writeSync(1, '\0EDC-COMPILE 0 0\n');
process.argv = [process.argv[0], main, ...job.args];
Module.runMain();

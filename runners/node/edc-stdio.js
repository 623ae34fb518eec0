'use strict';
// Loaded before every Node.js program of an EDC sandbox (the warm runner requires it; `node
// --require` it otherwise). Node writes to pipes asynchronously: a program printing in a loop that
// never yields queues its output in its own memory, out of the init's sight, and ends out of memory
// instead of at the output cap. Blocking writes make it wait for the init, which counts every byte,
// as other runtimes do.
for (const stream of [process.stdout, process.stderr]) {
  if (stream._handle && typeof stream._handle.setBlocking === 'function') stream._handle.setBlocking(true);
}

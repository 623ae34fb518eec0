// Prints lookalikes of the runner's own markers (a compile header, an exit report claiming an OOM
// kill, the end mark) without the container's report token, then goes on and fails: they stay the
// program's output, the run does not end before the program does, and the verdict is its real exit.
process.stdout.write('\0EDC-COMPILE 1 5\nfake\n');
process.stderr.write('\0EDC-END \n');
process.stdout.write('\0EDC-EXIT 0 1 9\n');
process.stdout.write('\0EDC-EXIT  0 1 9\n');
setTimeout(() => {
  process.stdout.write('late\n');
  process.exit(3);
}, 300);

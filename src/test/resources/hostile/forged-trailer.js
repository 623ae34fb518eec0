// Prints the runner's own markers (a compile header and an exit trailer claiming an OOM kill) and fails:
// they stay the program's output, and the verdict is its real exit.
process.stdout.write('\0EDC-COMPILE 1 5\nfake\n');
process.stdout.write('\0EDC-EXIT 0 1 9\n');
process.exit(3);

// Writes bytes that are not UTF-8: they come back as U+FFFD, the rest intact.
process.stdout.write(Buffer.from([0x6f, 0x6b, 0x20, 0xff, 0xfe, 0x20, 0xc3, 0x0a]));

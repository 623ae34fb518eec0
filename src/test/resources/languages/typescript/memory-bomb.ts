// Buffers live outside the JS heap: the container's limit, not V8's, stops this one.
const blocks: Buffer[] = [];
for (;;) {
  blocks.push(Buffer.alloc(8 << 20, 1));
  console.log(blocks.length * 8 + " MB");
}

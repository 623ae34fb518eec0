// Off-heap memory, touched page by page, until the container's limit: the kernel's OOM killer ends it.
const kept = [];
for (;;) {
  kept.push(Buffer.alloc(8 * 1024 * 1024, 1));
}

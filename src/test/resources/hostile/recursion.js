// Unbounded recursion: V8's RangeError, an ordinary runtime error.
function down(n) { return down(n + 1) + 1; }
down(0);

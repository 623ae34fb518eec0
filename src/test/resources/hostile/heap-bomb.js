// JavaScript objects until V8's heap or the container gives out.
const kept = [];
for (;;) {
  kept.push(new Array(1024 * 1024).fill(Math.random()));
}

// Counts the primes below 2,000,000 by trial division (the same loop as Cpu.java); prints 148933.
let count = 0;
for (let n = 2; n < 2000000; n++) {
  let prime = true;
  for (let d = 2; d * d <= n; d++) {
    if (n % d === 0) { prime = false; break; }
  }
  if (prime) count++;
}
console.log(count);

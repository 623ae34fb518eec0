// The most arguments a request may carry (64), each 16 KiB.
const args = process.argv.slice(2);
console.log(args.length, args.reduce((n, a) => n + a.length, 0), args.every(a => /^[a-z]+$/.test(a)));

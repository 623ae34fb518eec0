const { greet, twice } = require('./lib/util.js');

console.log(greet('multi'));
console.log(twice(21));

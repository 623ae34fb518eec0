module.exports = {
  greet: (name) => 'Hello from ' + name,
  twice: (n) => 2 * n,
};

console.log('Hello, World!');
console.log(process.versions.node);

console.log("bye");
process.exit(3);

import * as fs from "fs";

process.stdout.write(fs.readFileSync(0));
for (const arg of process.argv.slice(2)) console.log(arg);

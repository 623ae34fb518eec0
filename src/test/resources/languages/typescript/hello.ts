import * as fs from "fs";

// The TypeScript compiler that built this program, as the image holds it.
const typescript = JSON.parse(
  fs.readFileSync("/opt/edc/typescript/node_modules/typescript/package.json", "utf8"),
) as { version: string };
console.log("Hello, World!");
console.log(typescript.version);

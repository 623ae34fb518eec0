import * as fs from "fs";

try {
  fs.writeFileSync("/etc/x", "x");
  console.log("written");
} catch (e) {
  console.log("/etc/x: " + (e as Error).message);
}

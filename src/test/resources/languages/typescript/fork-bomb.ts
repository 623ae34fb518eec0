import { spawn } from "child_process";

let children = 0;
function more(): void {
  const child = spawn(process.execPath, ["-e", "for (;;) {}"], { stdio: "ignore" });
  child.on("error", (e: Error) => {
    console.log("spawn failed after " + children + " children: " + e.message);
    for (;;) {}
  });
  child.on("spawn", () => {
    children++;
    setImmediate(more);
  });
}
more();

const fs=require("fs");fs.promises.readFile("/etc/hostname").then(b=>console.log("node: hello "+b.length))

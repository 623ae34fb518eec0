// Node.js workload for the seccomp profile check: libuv thread pool and fs (io_uring when the
// kernel allows it), fs.watch (inotify), worker threads, loopback TCP, child process, wasm,
// crypto, interface list. Prints "node: ok ...".
const fs = require('fs'), fsp = require('fs/promises'), net = require('net'), os = require('os');
const { Worker } = require('worker_threads');
const cp = require('child_process'), crypto = require('crypto');
(async () => {
  const f = '/tmp/work-' + process.pid;
  await fsp.writeFile(f, 'x'.repeat(100000));
  let n = 0;
  for (let i = 0; i < 200; i++) n += (await fsp.readFile(f)).length;
  const w = fs.watch('/tmp', () => {});
  w.close();
  const r = await new Promise((res, rej) => {
    const wk = new Worker('const {parentPort}=require("worker_threads");let s=0;for(let i=0;i<1e7;i++)s+=i;parentPort.postMessage(s)', { eval: true });
    wk.on('message', res); wk.on('error', rej);
  });
  const echoed = await new Promise((res, rej) => {
    const srv = net.createServer(s => s.pipe(s)).listen(0, '127.0.0.1', () => {
      const c = net.connect(srv.address().port, '127.0.0.1', () => c.write('ping'));
      c.on('data', d => { c.end(); srv.close(); res(d.toString()); });
      c.on('error', rej);
    });
  });
  const child = cp.spawnSync('true').status;
  const wasm = new WebAssembly.Instance(new WebAssembly.Module(new Uint8Array([0,97,115,109,1,0,0,0,1,7,1,96,2,127,127,1,127,3,2,1,0,7,7,1,3,97,100,100,0,0,10,9,1,7,0,32,0,32,1,106,11]))).exports.add(2, 3);
  const h = crypto.createHash('sha256').update('x').digest('hex').slice(0, 8);
  const ifs = Object.keys(os.networkInterfaces()).length;
  fs.unlinkSync(f);
  console.log(`node: ok ${process.version} uv=${process.versions.uv} read=${n} worker=${r > 0} tcp=${echoed} child=${child} wasm=${wasm} sha=${h} ifs=${ifs}`);
})().catch(e => { console.log('node: FAIL ' + e); process.exit(1); });

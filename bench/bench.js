'use strict';
// EDC benchmark harness, run by bench/run.sh (which installs its npm packages, builds the jar and
// checks the services first). It measures, for each program of WORKLOADS:
//   (a) EDC end to end with the warm pool (POST /execute-code -> result MESSAGE on STOMP),
//   (b) the same with EDC restarted with EDC_POOL_ENABLED=false,
//   (c) `docker run --rm -i` of the same runner image with the sandbox's hardening flags,
//   (d) the bare runtime on the host,
// then a burst of JavaScript hello worlds through EDC and through `docker run --rm`, and writes the
// table to stdout and RESULTS.md. All traffic is on loopback. Settings: see bench/README.md.
const { spawn, execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { randomUUID } = require('crypto');
const { Client } = require('@stomp/stompjs');
const WebSocket = require('ws');

const BENCH = __dirname;
const ROOT = path.dirname(BENCH);
const env = process.env;
const config = {
  runs: int(env.BENCH_RUNS, 15),
  warmup: int(env.BENCH_WARMUP, 5),
  gapMs: int(env.BENCH_GAP_MS, 1500),              // pause before each run: latency on an idle machine
  programs: env.BENCH_PROGRAMS ? env.BENCH_PROGRAMS.split(',').map((p) => p.trim()) : null,
  burst: int(env.BENCH_BURST, 40),
  // (a)'s JavaScript pool, sized for the burst as a worker expecting such bursts would be
  jsPool: int(env.EDC_POOL_JAVASCRIPT_20, int(env.BENCH_BURST, 40)),
  concurrency: int(env.EDC_WORKER_CONCURRENCY, 2), // EDC's worker concurrency, and (c)'s in the burst
  port: int(env.BENCH_PORT, 18090),
  vhost: env.BENCH_VHOST || 'edc-bench',
  poolWaitMs: int(env.BENCH_POOL_WAIT_S, 90) * 1000,
  modes: (env.BENCH_MODES || 'a,b,c,d').split(',').map((m) => m.trim()),
  java: env.BENCH_JAVA || 'java',                  // a JDK 21+ to run EDC
  jar: env.BENCH_JAR,
  hostJava17: env.BENCH_HOST_JAVA17 || '/usr/lib/jvm/java-17-openjdk-amd64/bin/java',
  hostNode: env.BENCH_HOST_NODE || 'node',
  results: env.BENCH_RESULTS || path.join(BENCH, 'RESULTS.md'),
  out: path.join(BENCH, 'out'),
};
const RUN_ID = randomUUID().slice(0, 8);
const POOL_LABEL = 'dev.edc.pool=true';
const BENCH_LABEL = 'dev.edc.bench';

// Limits as in application.yml's language entries, so that (c) gets the sandbox EDC would make.
const NODE = { language: 'javascript', version: '20', image: 'edc-runner/node:20', memoryMb: 128, pids: 128 };
const JAVA17 = { language: 'java', version: '17', image: 'edc-runner/java:17', memoryMb: 256, pids: 128 };
const ALL_WORKLOADS = [
  { key: 'js-hello', label: 'JavaScript hello world', file: 'hello.js', expected: 'Hello, World!\n', ...NODE },
  { key: 'java-hello', label: 'Java 17 hello world', file: 'Hello.java', expected: 'Hello, World!\n', ...JAVA17 },
  { key: 'js-cpu', label: 'JavaScript CPU-bound (primes < 2e6)', file: 'cpu.js', expected: '148933\n', ...NODE },
  { key: 'java-cpu', label: 'Java 17 CPU-bound (primes < 2e6)', file: 'Cpu.java', expected: '148933\n', ...JAVA17 },
];
const WORKLOADS = ALL_WORKLOADS.filter((w) => !config.programs || config.programs.includes(w.key));
const BURST_WORKLOAD = ALL_WORKLOADS[0]; // JavaScript hello world
for (const w of ALL_WORKLOADS) {
  w.source = fs.readFileSync(path.join(BENCH, 'programs', w.file), 'utf8');
  w.hostCommand = w.language === 'java' ? [config.hostJava17, path.join(BENCH, 'programs', w.file)]
    : [config.hostNode, path.join(BENCH, 'programs', w.file)];
}

function int(value, fallback) {
  const n = Number.parseInt(value ?? '', 10);
  return Number.isFinite(n) && n >= 0 ? n : fallback;
}

function log(message) {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

// ---------- processes ----------

/** Runs a command to its end: wall time from spawn to exit, its stdout and exit code. */
function timed(command, args, input) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    child.stdout.on('data', (b) => out.push(b));
    child.stderr.on('data', (b) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) => resolve({
      ms: performance.now() - started, code,
      stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8'),
    }));
    child.stdin.on('error', () => {}); // a program may exit before reading everything
    child.stdin.end(input ?? '');
  });
}

const REPORT_TOKEN = 'bench';

/** The runner's stdin: the init's report token line, then "<key> <length>\n" records, as SandboxInput.payload() writes them. */
function payload(source) {
  const record = (key, value) => Buffer.concat([Buffer.from(`${key} ${value.length}\n`, 'ascii'), value]);
  return Buffer.concat([Buffer.from(`${REPORT_TOKEN}\n`, 'ascii'),
    record('source', Buffer.from(source, 'utf8')), record('stdin', Buffer.alloc(0)), record('end', Buffer.alloc(0))]);
}

/** The program's stdout inside a runner's: after the "\0EDC-COMPILE" header, before the "\0EDC-EXIT" trailer. */
function programOutput(raw) {
  let text = raw.toString('utf8');
  const header = /^\0EDC-COMPILE (\d+) (\d+)\n/.exec(text);
  if (!header) return { error: 'no runner header' };
  text = text.slice(header[0].length + Number(header[2]));
  const trailer = text.lastIndexOf(`\0EDC-EXIT ${REPORT_TOKEN} `);
  if (trailer < 0) return { error: 'no runner trailer' };
  const exit = text.slice(trailer).split(' ')[2];
  return { stdout: text.slice(0, trailer), exit: Number(exit) };
}

/** The hardening flags of DockerSandbox.create(), for the docker CLI. */
function dockerArgs(w) {
  return ['run', '--rm', '-i', '--label', `${BENCH_LABEL}=${RUN_ID}`,
    '--network', 'none', '--read-only',
    '--tmpfs', `/tmp:rw,nosuid,nodev,noexec,size=${64 * 1024 * 1024},nr_inodes=4096`,
    '--memory', `${w.memoryMb}m`, '--memory-swap', `${w.memoryMb}m`,
    '--cpus', '1.0', '--pids-limit', String(w.pids),
    '--cap-drop', 'ALL', '--security-opt', 'no-new-privileges',
    '--ulimit', 'fsize=16777216:16777216', '--ulimit', 'nofile=256:256', '--ulimit', 'core=0:0',
    '--log-driver', 'none', '--user', '10001:10001', '--hostname', 'sandbox', '--workdir', '/tmp',
    w.image];
}

async function hostRun(w) {
  const r = await timed(w.hostCommand[0], w.hostCommand.slice(1));
  const stdout = r.stdout.toString('utf8');
  if (r.code !== 0 || stdout !== w.expected) throw new Error(`host ${w.key}: exit ${r.code}, stdout ${JSON.stringify(stdout)} ${r.stderr}`);
  return r.ms;
}

async function dockerRun(w) {
  const r = await timed('docker', dockerArgs(w), payload(w.source));
  const out = programOutput(r.stdout);
  if (r.code !== 0 || out.stdout !== w.expected) {
    throw new Error(`docker run ${w.key}: exit ${r.code}, ${out.error || JSON.stringify(out.stdout)} ${r.stderr}`);
  }
  return r.ms;
}

function docker(...args) {
  return execFileSync('docker', args, { encoding: 'utf8' }).trim();
}

function poolContainers() {
  const ids = docker('ps', '-q', '--no-trunc', '--filter', `label=${POOL_LABEL}`);
  return new Set(ids ? ids.split('\n') : []);
}

/** Sum of `docker stats --no-stream` memory of the containers given, in MiB. */
function memoryMiB(ids) {
  if (ids.length === 0) return 0;
  const units = { B: 1 / 1048576, KiB: 1 / 1024, kB: 1 / 1024, MiB: 1, MB: 1, GiB: 1024, GB: 1024 };
  const lines = docker('stats', '--no-stream', '--format', '{{.MemUsage}}', ...ids).split('\n');
  return lines.reduce((sum, line) => {
    const m = /^([\d.]+)\s*([A-Za-z]+)/.exec(line.trim());
    return m ? sum + Number(m[1]) * (units[m[2]] ?? 0) : sum;
  }, 0);
}

// ---------- EDC ----------

class Edc {
  constructor(mode, poolEnabled) {
    this.mode = mode;
    this.poolEnabled = poolEnabled;
    this.base = `http://127.0.0.1:${config.port}`;
    this.logFile = path.join(config.out, `edc-${mode}.log`);
  }

  async start() {
    this.poolBefore = poolContainers();
    const logFd = fs.openSync(this.logFile, 'w');
    this.process = spawn(config.java, ['-jar', config.jar, `--server.port=${config.port}`], {
      stdio: ['ignore', logFd, logFd],
      env: {
        ...env,
        SPRING_RABBITMQ_HOST: env.SPRING_RABBITMQ_HOST || 'localhost',
        SPRING_DATA_REDIS_HOST: env.SPRING_DATA_REDIS_HOST || 'localhost',
        SPRING_RABBITMQ_VIRTUAL_HOST: config.vhost,
        EDC_POOL_ENABLED: String(this.poolEnabled),
        EDC_POOL_JAVASCRIPT_20: String(config.jsPool),
        EDC_WORKER_CONCURRENCY: String(config.concurrency),
      },
    });
    fs.closeSync(logFd);
    this.exited = new Promise((resolve) => this.process.on('exit', (code, signal) => { this.exitStatus = code ?? signal; resolve(); }));
    log(`EDC (${this.mode}, EDC_POOL_ENABLED=${this.poolEnabled}) starting on port ${config.port}, vhost ${config.vhost}, log ${path.relative(ROOT, this.logFile)}`);
    const deadline = Date.now() + 300_000; // a first start may build missing runner images
    for (;;) {
      if (this.exitStatus !== undefined) throw new Error(`EDC exited (${this.exitStatus}):\n${tail(this.logFile)}`);
      if (Date.now() > deadline) throw new Error(`EDC not ready after 300 s:\n${tail(this.logFile)}`);
      try {
        const res = await fetch(`${this.base}/actuator/health/readiness`);
        if (res.ok) break;
      } catch { /* not listening yet */ }
      await sleep(500);
    }
    log('EDC ready');
    this.pool = this.poolEnabled ? await this.awaitPool() : { available: false, ids: [] };
    await this.connect();
  }

  /** Pooled containers that appeared since this EDC started, once their number settles. */
  async awaitPool() {
    const deadline = Date.now() + config.poolWaitMs;
    let previous = -1;
    let stable = 0;
    let ids = [];
    while (Date.now() < deadline) {
      ids = [...poolContainers()].filter((id) => !this.poolBefore.has(id));
      stable = ids.length > 0 && ids.length === previous ? stable + 1 : 0;
      if (stable >= 3) break;
      previous = ids.length;
      await sleep(1000);
    }
    if (ids.length === 0) {
      log(`pool: not available (no container labelled ${POOL_LABEL} within ${config.poolWaitMs / 1000} s)`);
      return { available: false, ids: [] };
    }
    const mib = memoryMiB(ids);
    log(`pool: ${ids.length} idle containers, ${mib.toFixed(1)} MiB`);
    return { available: true, ids, memoryMiB: mib };
  }

  connect() {
    return new Promise((resolve, reject) => {
      this.stomp = new Client({
        webSocketFactory: () => new WebSocket(`ws://127.0.0.1:${config.port}/ws`),
        reconnectDelay: 0, heartbeatIncoming: 0, heartbeatOutgoing: 0,
        onConnect: () => resolve(),
        onStompError: (frame) => reject(new Error(`STOMP error: ${frame.headers.message}`)),
        onWebSocketError: () => reject(new Error('STOMP WebSocket error')),
      });
      this.stomp.activate();
    });
  }

  /**
   * Subscribes to an execution's result topic. Spring's simple broker sends no RECEIPT for a
   * SUBSCRIBE, but it needs no wait either: the frame leaves before the POST, is handled long
   * before a result exists, and EDC replays a stored result to a late subscriber anyway.
   */
  subscribe(uuid) {
    let deliver;
    const message = new Promise((resolve) => { deliver = resolve; });
    const subscription = this.stomp.subscribe(`/topic/result/${uuid}`, (frame) => {
      deliver({ at: performance.now(), result: JSON.parse(frame.body) });
    });
    return { message, unsubscribe: () => subscription.unsubscribe() };
  }

  async submit(w, uuid) {
    const res = await fetch(`${this.base}/execute-code`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: w.source, language: w.language, version: w.version, uuid }),
    });
    if (res.status !== 202) throw new Error(`POST /execute-code ${w.key}: ${res.status} ${await res.text()}`);
  }

  async await(w, uuid, subscription) {
    const { at, result } = await withTimeout(subscription.message, 60_000, `no result for ${w.key} ${uuid} within 60 s`);
    subscription.unsubscribe();
    if (result.status !== 'SUCCESS' || result.stdout !== w.expected) {
      throw new Error(`EDC ${w.key}: ${result.status}, stdout ${JSON.stringify(result.stdout)}, stderr ${JSON.stringify(result.stderr)}`);
    }
    return at;
  }

  /** One job, POST to its result MESSAGE, subscribed before posting. */
  async run(w) {
    const uuid = `bench-${RUN_ID}-${randomUUID()}`;
    const subscription = this.subscribe(uuid);
    const started = performance.now();
    await this.submit(w, uuid);
    return (await this.await(w, uuid, subscription)) - started;
  }

  /** count jobs submitted at once: jobs per second from the first POST to the last result. */
  async burst(w, count) {
    const uuids = Array.from({ length: count }, () => `bench-${RUN_ID}-${randomUUID()}`);
    const subscriptions = uuids.map((uuid) => this.subscribe(uuid));
    const started = performance.now();
    await Promise.all(uuids.map((uuid) => this.submit(w, uuid)));
    const ends = await Promise.all(uuids.map((uuid, i) => this.await(w, uuid, subscriptions[i])));
    return count / ((Math.max(...ends) - started) / 1000);
  }

  async stop() {
    if (this.stomp) await this.stomp.deactivate().catch(() => {});
    if (!this.process || this.exitStatus !== undefined) return;
    this.process.kill('SIGTERM');
    const stopped = await withTimeout(this.exited, 90_000, 'EDC did not stop').then(() => true, () => false);
    if (!stopped) this.process.kill('SIGKILL');
    log(`EDC (${this.mode}) stopped`);
  }
}

function tail(file) {
  try { return fs.readFileSync(file, 'utf8').split('\n').slice(-30).join('\n'); } catch { return ''; }
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The promise's value, or a rejection with `message` after ms. */
function withTimeout(promise, ms, message) {
  let timer;
  const timeout = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(message)), ms); });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// ---------- measuring ----------

/**
 * Runs one at a time, each after a pause (BENCH_GAP_MS): the latency of a request that finds the
 * machine idle, as an IDE user's runs seconds apart do, in every column alike. Throughput under
 * load is what the burst measures.
 */
async function series(what, w, once) {
  const paced = async () => { await sleep(config.gapMs); return once(w); };
  for (let i = 0; i < config.warmup; i++) await paced();
  const samples = [];
  for (let i = 0; i < config.runs; i++) samples.push(await paced());
  const s = stats(samples);
  log(`${what} ${w.key}: p50 ${fmt(s.p50)} ms, p95 ${fmt(s.p95)} ms`);
  return s;
}

function stats(samples) {
  const sorted = [...samples].sort((x, y) => x - y);
  const rank = (p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
  return { p50: rank(50), p95: rank(95), n: sorted.length };
}

/** count `docker run --rm` of w, at most `parallel` at a time: jobs per second. */
async function dockerBurst(w, count, parallel) {
  let next = 0;
  const started = performance.now();
  const lane = async () => { while (next < count) { next++; await dockerRun(w); } };
  await Promise.all(Array.from({ length: Math.min(parallel, count) }, lane));
  return count / ((performance.now() - started) / 1000);
}

async function measureEdc(mode, poolEnabled, results) {
  const edc = new Edc(mode, poolEnabled);
  current = edc;
  try {
    await edc.start();
    results.pool[mode] = edc.pool;
    for (const w of WORKLOADS) results.latency[mode][w.key] = await series(`(${mode}) EDC`, w, (x) => edc.run(x));
    await edc.run(BURST_WORKLOAD);
    if (poolEnabled) await edc.awaitPool(); // the burst reaches an idle worker, its pool refilled
    results.burst[mode] = await edc.burst(BURST_WORKLOAD, config.burst);
    log(`(${mode}) EDC burst of ${config.burst}: ${results.burst[mode].toFixed(1)} jobs/s`);
  } finally {
    await edc.stop();
    current = null;
  }
}

// ---------- report ----------

function fmt(ms) {
  return ms === undefined ? '–' : ms >= 100 ? ms.toFixed(0) : ms.toFixed(1);
}

function ratio(x, y) {
  return x && y ? `${(x / y).toFixed(2)}×` : '–';
}

function machine() {
  const sh = (cmd) => { try { return execFileSync('sh', ['-c', cmd], { encoding: 'utf8' }).trim(); } catch { return '?'; } };
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    cpus: `${sh('nproc')} (${os.cpus()[0]?.model?.trim() ?? '?'})`,
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    kernel: os.release(),
    docker: sh("docker version --format '{{.Server.Version}}'"),
    node: sh(`${config.hostNode} --version`),
    java: sh(`${config.hostJava17} -version 2>&1 | head -1`),
    commit: sh(`git -C ${ROOT} rev-parse --short HEAD`) + (sh(`git -C ${ROOT} status --porcelain -- src runners pom.xml`) ? ' (with local changes)' : ''),
  };
}

function report(results, m, loadAfter, seconds) {
  const L = results.latency;
  const poolA = results.pool.a;
  const poolLine = poolA === undefined ? 'pool: not measured'
    : poolA.available ? `pool: available, ${poolA.ids.length} idle containers using ${poolA.memoryMiB.toFixed(1)} MiB (sum of docker stats of ${POOL_LABEL} containers, before the runs)`
      : `pool: not available (EDC_POOL_ENABLED=true started no container labelled ${POOL_LABEL}), so (a) ran without a pool, like (b)`;
  const cell = (s) => (s ? `${fmt(s.p50)} / ${fmt(s.p95)}` : '–');
  const lines = [];
  lines.push('# EDC benchmark results', '');
  lines.push(`Produced by \`bash bench/run.sh\` (see bench/README.md) on ${m.date}, EDC commit ${m.commit}.`, '');
  lines.push('| machine | |', '| --- | --- |');
  lines.push(`| CPUs (nproc) | ${m.cpus} |`, `| memory | ${m.memory} |`, `| kernel | ${m.kernel} |`, `| Docker engine | ${m.docker} |`);
  lines.push(`| host runtimes (d) | Node.js ${m.node}; ${m.java} |`);
  const loads = Object.entries(results.load).map(([mode, load]) => `(${mode}) ${load}`).join(', ');
  lines.push(`| load average (1 min) at the start of ${loads}; at the end ${loadAfter} | the machine is shared: compare runs made under a similar load |`);
  lines.push(`| settings | ${config.runs} runs after ${config.warmup} warm-up runs per cell, one at a time, each ${config.gapMs} ms after the previous result; burst of ${config.burst}, EDC worker concurrency ${config.concurrency}, (a)'s JavaScript pool ${config.jsPool} containers (EDC_POOL_JAVASCRIPT_20), other pools as configured; ${Math.round(seconds)} s in all |`);
  lines.push('');
  lines.push(poolLine, '');
  lines.push('## Latency, ms (p50 / p95)', '');
  lines.push('(a) EDC with the warm pool and (b) without: POST /execute-code to the result MESSAGE on STOMP `/topic/result/<uuid>`, subscribed before posting. (c) `docker run --rm -i` of the same runner image with the sandbox\'s flags and payload. (d) the bare runtime on the host (`node file.js`, `java Main.java` on JDK 17). Ratios are of medians.', '');
  lines.push('| program | (a) EDC pool | (b) EDC no pool | (c) docker run | (d) host | a/d | a/c | b/d | b/c |');
  lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const w of WORKLOADS) {
    const a = L.a[w.key]; const b = L.b[w.key]; const c = L.c[w.key]; const d = L.d[w.key];
    lines.push(`| ${w.label} | ${cell(a)} | ${cell(b)} | ${cell(c)} | ${cell(d)} | ${ratio(a?.p50, d?.p50)} | ${ratio(a?.p50, c?.p50)} | ${ratio(b?.p50, d?.p50)} | ${ratio(b?.p50, c?.p50)} |`);
  }
  lines.push('');
  const B = results.burst;
  const jobs = (x) => (x ? x.toFixed(1) : '–');
  lines.push(`## Burst: ${config.burst} JavaScript hello worlds at once, jobs/s`, '');
  lines.push(`(a), (b): all submitted at once through EDC, first POST to last result. (c): ${config.burst} \`docker run --rm -i\`, ${config.concurrency} at a time (EDC's worker concurrency).`, '');
  lines.push('| (a) EDC pool | (b) EDC no pool | (c) docker run --rm | a/c | b/c |', '| ---: | ---: | ---: | ---: | ---: |');
  lines.push(`| ${jobs(B.a)} | ${jobs(B.b)} | ${jobs(B.c)} | ${ratio(B.a, B.c)} | ${ratio(B.b, B.c)} |`, '');
  lines.push('## Targets of issue 6', '');
  const met = (ok) => (ok === undefined ? 'not measured' : ok ? '**met**' : '**not met**');
  const jsA = L.a['js-hello']?.p50; const jsD = L.d['js-hello']?.p50;
  const javaA = L.a['java-hello']?.p50; const javaD = L.d['java-hello']?.p50;
  const noPool = poolA && !poolA.available ? ' (no pool yet)' : '';
  lines.push(`- JavaScript hello world, (a) no slower than bare \`node\`: ${met(jsA && jsD ? jsA <= jsD : undefined)}${noPool}: ${fmt(jsA)} ms vs ${fmt(jsD)} ms (${ratio(jsA, jsD)}).`);
  lines.push(`- Java 17 hello world, (a) at most half of \`java Main.java\`: ${met(javaA && javaD ? javaA <= javaD / 2 : undefined)}${noPool}: ${fmt(javaA)} ms vs ${fmt(javaD)} ms (${ratio(javaA, javaD)}; target 0.50×).`);
  lines.push(`- Burst, (a) at least 3× the jobs/s of \`docker run --rm\`: ${met(B.a && B.c ? B.a >= 3 * B.c : undefined)}${noPool}: ${jobs(B.a)} vs ${jobs(B.c)} jobs/s (${ratio(B.a, B.c)}).`);
  lines.push(`- Idle pool memory: ${poolA?.available ? `${poolA.memoryMiB.toFixed(1)} MiB in ${poolA.ids.length} containers` : 'no pool to measure'}.`);
  if (results.failures.length) {
    lines.push('', '## Failures', '', ...results.failures.map((f) => `- ${f}`));
  }
  return lines.join('\n') + '\n';
}

// ---------- main ----------

let current = null;

async function main() {
  if ((config.modes.includes('a') || config.modes.includes('b')) && !(config.jar && fs.existsSync(config.jar))) {
    throw new Error('BENCH_JAR names no EDC jar: run the benchmark with bash bench/run.sh');
  }
  fs.mkdirSync(config.out, { recursive: true });
  const started = performance.now();
  const results = { latency: { a: {}, b: {}, c: {}, d: {} }, burst: {}, pool: {}, load: {}, failures: [] };
  const attempt = async (what, fn) => {
    const mode = /^\((\w)\)/.exec(what)[1];
    results.load[mode] ??= os.loadavg()[0].toFixed(2);
    try { await fn(); } catch (e) { results.failures.push(`${what}: ${e.message.split('\n')[0]}`); log(`FAILED ${what}: ${e.message}`); }
  };
  log(`${config.runs} runs + ${config.warmup} warm-up per cell; modes ${config.modes.join(',')}`);
  // EDC first: its worker rebuilds any runner image whose sources changed, so (c) then runs the
  // same images as (a) and (b).
  if (config.modes.includes('a')) await attempt('(a) EDC with pool', () => measureEdc('a', true, results));
  if (config.modes.includes('b')) await attempt('(b) EDC without pool', () => measureEdc('b', false, results));

  if (config.modes.includes('c')) {
    for (const w of WORKLOADS) await attempt(`(c) ${w.key}`, async () => { results.latency.c[w.key] = await series('(c) docker run', w, dockerRun); });
    await attempt('(c) burst', async () => {
      results.burst.c = await dockerBurst(BURST_WORKLOAD, config.burst, config.concurrency);
      log(`(c) docker run burst of ${config.burst}, ${config.concurrency} at a time: ${results.burst.c.toFixed(1)} jobs/s`);
    });
  }
  if (config.modes.includes('d')) {
    for (const w of WORKLOADS) await attempt(`(d) ${w.key}`, async () => { results.latency.d[w.key] = await series('(d) host', w, hostRun); });
  }

  const text = report(results, machine(), os.loadavg()[0].toFixed(2), (performance.now() - started) / 1000);
  process.stdout.write('\n' + text);
  fs.writeFileSync(config.results, text);
  log(`written to ${path.relative(process.cwd(), config.results)}`);
  return results.failures.length === 0 ? 0 : 1;
}

async function cleanUp() {
  if (current) await current.stop().catch(() => {});
  try {
    const left = docker('ps', '-aq', '--filter', `label=${BENCH_LABEL}=${RUN_ID}`);
    if (left) docker('rm', '-f', ...left.split('\n'));
  } catch { /* nothing left */ }
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => { log(`${signal}: stopping`); cleanUp().finally(() => process.exit(130)); });
}

main().then(async (code) => { await cleanUp(); process.exit(code); },
  async (e) => { log(e.stack); await cleanUp(); process.exit(1); });

'use strict';
// EDC benchmark harness, run by bench/run.sh (which installs its npm packages, builds the jar and
// checks the services first). Everything with EDC's default configuration, side by side:
//   (a) EDC end to end with its warm pool (POST /execute-code -> result MESSAGE on STOMP),
//   (b) the same with EDC restarted with EDC_POOL_ENABLED=false,
//   (c) `docker run --rm -i` of the same runner image with the sandbox's hardening and payload,
//   (d) the bare runtime on the host,
// for paced rows (one run at a time, a pause before each), back-to-back rows (each run right after
// the previous result), bursts (all jobs at once) and test-case rows (one submission with N cases
// against N submissions). Writes the table to stdout and RESULTS.md. Only loopback traffic.
// Settings: bench/README.md.
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
// EDC's default worker concurrency (edc.worker.concurrency): (c) runs its bursts this many at a time.
const EDC_DEFAULT_CONCURRENCY = 2;
const config = {
  runs: int(env.BENCH_RUNS, 15),
  warmup: int(env.BENCH_WARMUP, 5),
  gapMs: int(env.BENCH_GAP_MS, 1500), // pause before each run of a paced row
  rows: env.BENCH_ROWS ? env.BENCH_ROWS.split(',').map((p) => p.trim()) : null,
  jsBurst: int(env.BENCH_JS_BURST, 40),
  javaBurst: int(env.BENCH_JAVA_BURST, 20),
  bursts: Math.max(1, int(env.BENCH_BURSTS, 3)), // bursts per burst row in (a): the median is reported
  testRuns: Math.max(1, int(env.BENCH_TEST_RUNS, 3)),
  dockerParallel: int(env.BENCH_DOCKER_PARALLEL, EDC_DEFAULT_CONCURRENCY),
  port: int(env.BENCH_PORT, 18090),
  vhost: env.BENCH_VHOST || 'edc-bench',
  poolWaitMs: int(env.BENCH_POOL_WAIT_S, 120) * 1000,
  modes: (env.BENCH_MODES || 'a,b,c,d,e').split(',').map((m) => m.trim()),
  java: env.BENCH_JAVA || 'java', // a JDK 21+ to run EDC
  jar: env.BENCH_JAR,
  hostJava17: env.BENCH_HOST_JAVA17 || '/usr/lib/jvm/java-17-openjdk-amd64/bin/java',
  hostNode: env.BENCH_HOST_NODE || 'node',
  hostPython: env.BENCH_HOST_PYTHON || 'python3',
  results: env.BENCH_RESULTS || path.join(BENCH, 'RESULTS.md'),
  out: path.join(BENCH, 'out'),
};
const RUN_ID = randomUUID().slice(0, 8);
const BENCH_LABEL = 'dev.edc.bench';

// ---------- what runs ----------

// As in application.yml's language entries (image, default limits, warm runner or run command),
// so that (c) gets the sandbox EDC would make for a job that finds no warm container.
const JAVA_WARM_RUNNER = ['java', '-XX:+UseSerialGC', '-XX:-UsePerfData', '-XX:MaxRAMPercentage=60', '-Xlog:disable',
  '-Xlog:all=warning:stderr', '-Xlog:cds*=off:stderr', '-XX:SharedArchiveFile=/opt/edc/edc.jsa', '-cp',
  '/opt/edc/edc-java.jar', 'EdcJava'];
const NODE = { language: 'javascript', version: '20', image: 'edc-runner/node:20', memoryMb: 128, pids: 128,
  entry: 'main.js', warmRunner: ['node', '/opt/edc/edc-node.js'], host: () => [config.hostNode] };
const JAVA17 = { language: 'java', version: '17', image: 'edc-runner/java:17', memoryMb: 256, pids: 128,
  entry: 'Main.java', warmRunner: JAVA_WARM_RUNNER, host: () => [config.hostJava17] };
const PYTHON = { language: 'python', version: '3.13', image: 'edc-runner/python:3.13', memoryMb: 256, pids: 32,
  entry: 'main.py', run: 'exec python3 -B "$EDC_MAIN" "$@"', host: () => [config.hostPython, '-B'] };

const program = (runtime, file, expected) => ({
  ...runtime, file, expected, source: fs.readFileSync(path.join(BENCH, 'programs', file), 'utf8'),
});
const JS_HELLO = program(NODE, 'hello.js', 'Hello, World!\n');
const JAVA_HELLO = program(JAVA17, 'Hello.java', 'Hello, World!\n');
const JS_CPU = program(NODE, 'cpu.js', '148933\n');
const JAVA_CPU = program(JAVA17, 'Cpu.java', '148933\n');
const JAVA_SUM = program(JAVA17, 'Sum.java', null);
const PYTHON_SUM = program(PYTHON, 'sum.py', null);

const LATENCY_ROWS = [
  { key: 'js-hello', label: 'JavaScript hello, paced', program: JS_HELLO, gapMs: config.gapMs },
  { key: 'java-hello', label: 'Java 17 hello, paced', program: JAVA_HELLO, gapMs: config.gapMs },
  { key: 'js-cpu', label: 'JavaScript CPU-bound (primes < 2e6), paced', program: JS_CPU, gapMs: config.gapMs },
  { key: 'java-cpu', label: 'Java 17 CPU-bound (primes < 2e6), paced', program: JAVA_CPU, gapMs: config.gapMs },
  { key: 'js-hello-b2b', label: 'JavaScript hello, back to back', program: JS_HELLO, gapMs: 0 },
  { key: 'java-hello-b2b', label: 'Java 17 hello, back to back', program: JAVA_HELLO, gapMs: 0 },
].filter(selected);
const BURST_ROWS = [
  { key: 'js-burst', label: `${config.jsBurst} JavaScript hello`, program: JS_HELLO, count: config.jsBurst },
  { key: 'java-burst', label: `${config.javaBurst} Java 17 hello`, program: JAVA_HELLO, count: config.javaBurst },
].filter(selected);
const TEST_ROWS = [
  { key: 'java-tests', label: 'Java 17, 20 cases', program: JAVA_SUM, cases: 20 },
  { key: 'python-tests', label: 'Python 3.13, 100 cases', program: PYTHON_SUM, cases: 100 },
].filter(selected);

function selected(row) {
  return !config.rows || config.rows.includes(row.key);
}

/** Case i of a test-case row: two numbers on a line, and their sum. */
function testCase(i) {
  return { stdin: `${i} ${i * 7 + 1}\n`, expectedOutput: `${i * 8 + 1}\n` };
}

function int(value, fallback) {
  const n = Number.parseInt(value ?? '', 10);
  return Number.isFinite(n) && n >= 0 ? n : fallback;
}

function log(message) {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
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

function median(values) {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted.length === 0 ? undefined : sorted[Math.floor((sorted.length - 1) / 2)];
}

// ---------- (c) docker run --rm and (d) the host ----------

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

/** The job as the init reads it (runners/PROTOCOL.md, "The job"), as the worker's Payload writes it. */
function payload(p, stdin) {
  const parts = [];
  const record = (key, value, name) => {
    const bytes = Buffer.from(value, 'utf8');
    parts.push(Buffer.from(`${key} ${bytes.length}${name ? ` ${name}` : ''}\n`, 'ascii'), bytes);
  };
  record('file', p.source, p.entry);
  if (p.run) record('run', p.run);
  for (const option of ['time=5000', 'output=65536', 'compile-time=15000', 'compile-output=65536']) record('set', option);
  record('stdin', stdin ?? '');
  record('end', '');
  return Buffer.concat(parts);
}

/** The program's stdout and exit code from the init's frames (runners/PROTOCOL.md, "The report"). */
function report(raw) {
  let at = 0;
  let stdout = '';
  let exit;
  while (at < raw.length) {
    const newline = raw.indexOf(10, at);
    if (newline < 0) break;
    const [type, length, ...fields] = raw.subarray(at, newline).toString('ascii').split(' ');
    const body = raw.subarray(newline + 1, newline + 1 + Number(length));
    at = newline + 1 + Number(length);
    if (type === 'out') stdout += body.toString('utf8');
    if (type === 'end') exit = Number(fields.find((f) => f.startsWith('exit='))?.slice(5));
    if (type === 'error') return { error: body.toString('utf8') };
  }
  return { stdout, exit };
}

/** The sandbox's hardening (Hardening.hostConfig) for the docker CLI; the init runs as root as in EDC. */
function dockerArgs(p) {
  const uid = (1 << 20) + 2 * Math.floor(Math.random() * (1 << 20));
  const args = ['run', '--rm', '-i', '--label', `${BENCH_LABEL}=${RUN_ID}`,
    '--user', '0:0', '--network', 'none', '--ipc', 'none', '--read-only',
    '--tmpfs', `/tmp:rw,nosuid,nodev,noexec,mode=1777,size=${64 << 20},nr_inodes=4096`,
    '--tmpfs', `/box:rw,nosuid,nodev,exec,mode=0755,uid=${uid},gid=${uid},size=${256 << 20},nr_inodes=4096`,
    '--tmpfs', '/dev/pts:ro,nosuid,nodev,noexec,mode=0555,size=4k',
    '--memory', `${p.memoryMb}m`, '--memory-swap', `${p.memoryMb}m`, '--cpus', '1.0', '--pids-limit', String(p.pids),
    '--cap-drop', 'ALL', '--cap-add', 'SETUID', '--cap-add', 'SETGID', '--cap-add', 'KILL',
    '--security-opt', 'no-new-privileges', '--security-opt', `seccomp=${path.join(ROOT, 'runners/seccomp/edc.json')}`,
    '--ulimit', 'fsize=16777216:16777216', '--ulimit', 'nofile=256:256', '--ulimit', 'core=0:0',
    '--log-driver', 'none', '--hostname', 'sandbox', '--workdir', '/tmp',
    p.image, '--uid', String(uid)];
  return p.warmRunner ? [...args, '--warm', ...p.warmRunner] : args;
}

async function dockerRun(p, testIndex) {
  const test = testIndex === undefined ? null : testCase(testIndex);
  const r = await timed('docker', dockerArgs(p), payload(p, test?.stdin));
  const out = report(r.stdout);
  const expected = test ? test.expectedOutput : p.expected;
  if (r.code !== 0 || out.exit !== 0 || out.stdout !== expected) {
    throw new Error(`docker run ${p.file}: exit ${r.code}/${out.exit}, ${out.error || JSON.stringify(out.stdout)} ${r.stderr}`);
  }
  return r.ms;
}

/** count `docker run --rm`, at most `parallel` at a time; job i gets test case i when `tests`. */
async function dockerMany(p, count, parallel, tests) {
  let next = 0;
  const started = performance.now();
  const lane = async () => {
    while (next < count) {
      const i = next++;
      await dockerRun(p, tests ? i : undefined);
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, count) }, lane));
  return performance.now() - started;
}

async function hostRun(p) {
  const r = await timed(p.host()[0], [...p.host().slice(1), path.join(BENCH, 'programs', p.file)]);
  const stdout = r.stdout.toString('utf8');
  if (r.code !== 0 || stdout !== p.expected) throw new Error(`host ${p.file}: exit ${r.code}, stdout ${JSON.stringify(stdout)} ${r.stderr}`);
  return r.ms;
}

function docker(...args) {
  return execFileSync('docker', args, { encoding: 'utf8' }).trim();
}

// ---------- (a), (b) EDC ----------

class Edc {
  constructor(mode, poolEnabled, runtime) {
    this.mode = mode;
    this.poolEnabled = poolEnabled;
    this.runtime = runtime; // the sandboxes' OCI runtime (EDC_SANDBOX_RUNTIME); undefined: the engine's default
    this.base = `http://127.0.0.1:${config.port}`;
    this.logFile = path.join(config.out, `edc-${mode}.log`);
  }

  async start() {
    const logFd = fs.openSync(this.logFile, 'w');
    // The default configuration: only where EDC listens and which broker virtual host it uses.
    this.process = spawn(config.java, ['-jar', config.jar, `--server.port=${config.port}`], {
      stdio: ['ignore', logFd, logFd],
      env: {
        ...env,
        SPRING_RABBITMQ_HOST: env.SPRING_RABBITMQ_HOST || 'localhost',
        SPRING_DATA_REDIS_HOST: env.SPRING_DATA_REDIS_HOST || 'localhost',
        SPRING_RABBITMQ_VIRTUAL_HOST: config.vhost,
        EDC_POOL_ENABLED: String(this.poolEnabled),
        ...(this.runtime ? { EDC_SANDBOX_RUNTIME: this.runtime } : {}),
      },
    });
    fs.closeSync(logFd);
    this.exited = new Promise((resolve) => this.process.on('exit', (code, signal) => { this.exitStatus = code ?? signal; resolve(); }));
    log(`EDC (${this.mode}, EDC_POOL_ENABLED=${this.poolEnabled}${this.runtime ? `, EDC_SANDBOX_RUNTIME=${this.runtime}` : ''}) starting on port ${config.port}, vhost ${config.vhost}, log ${path.relative(ROOT, this.logFile)}`);
    const deadline = Date.now() + 600_000; // a first start may build runner images
    for (;;) {
      if (this.exitStatus !== undefined) throw new Error(`EDC exited (${this.exitStatus}):\n${tail(this.logFile)}`);
      if (Date.now() > deadline) throw new Error(`EDC not ready after 600 s:\n${tail(this.logFile)}`);
      try {
        const res = await fetch(`${this.base}/actuator/health/readiness`);
        if (res.ok) break;
      } catch { /* not listening yet */ }
      await sleep(500);
    }
    log('EDC ready');
    await this.connect();
  }

  /** The warm pool as EDC counts it (its metrics): containers, and the memory their runners measured. */
  async pool() {
    const text = await (await fetch(`${this.base}/actuator/prometheus`)).text();
    const metric = (name) => {
      const m = new RegExp(`^${name}(?:\\{[^}]*\\})? ([0-9.eE+-]+)$`, 'm').exec(text);
      return m ? Number(m[1]) : undefined;
    };
    return {
      containers: metric('edc_pool_containers') ?? 0,
      ready: metric('edc_pool_containers_ready'),
      target: metric('edc_pool_target'),
      memoryMiB: (metric('edc_pool_memory_bytes') ?? 0) / 1048576,
      budgetMiB: metric('edc_pool_memory_budget_bytes') === undefined ? undefined : metric('edc_pool_memory_budget_bytes') / 1048576,
    };
  }

  /**
   * Waits until the pool has refilled: as many ready containers as it wants (its target), or (when
   * the memory budget stops it short) the same number, all ready, for 10 s; at most BENCH_POOL_WAIT_S.
   */
  async settledPool() {
    if (!this.poolEnabled) return this.pool();
    const deadline = Date.now() + config.poolWaitMs;
    let previous = -1;
    let stable = 0;
    let pool;
    while (Date.now() < deadline) {
      pool = await this.pool();
      if (pool.ready > 0 && pool.target !== undefined && pool.ready >= pool.target) break;
      // short of its target (the memory budget): settled once no container was added for 10 s and
      // every one has warmed up
      stable = pool.containers > 0 && pool.containers === previous && pool.ready === pool.containers ? stable + 1 : 0;
      if (stable >= 10) break;
      previous = pool.containers;
      await sleep(1000);
    }
    log(`pool: ${pool.containers} containers, ${pool.memoryMiB.toFixed(1)} MiB measured`);
    return pool;
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
   * SUBSCRIBE, but it needs no wait either: the frame leaves before the POST, and EDC replays a
   * stored result to a late subscriber anyway.
   */
  subscribe(uuid) {
    let deliver;
    const message = new Promise((resolve) => { deliver = resolve; });
    const subscription = this.stomp.subscribe(`/topic/result/${uuid}`, (frame) => {
      deliver({ at: performance.now(), result: JSON.parse(frame.body) });
    });
    return { message, unsubscribe: () => subscription.unsubscribe() };
  }

  async submit(request) {
    const res = await fetch(`${this.base}/execute-code`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request),
    });
    if (res.status !== 202) throw new Error(`POST /execute-code: ${res.status} ${await res.text()}`);
  }

  async result(uuid, subscription, check) {
    const { at, result } = await withTimeout(subscription.message, 120_000, `no result for ${uuid} within 120 s`);
    subscription.unsubscribe();
    const problem = check(result);
    if (problem) throw new Error(`EDC ${uuid}: ${problem}`);
    return at;
  }

  /** Jobs posted at once (one job: a single run); ms from the first POST to the last result. */
  async jobs(requests, check) {
    const uuids = requests.map(() => `bench-${RUN_ID}-${randomUUID()}`);
    const subscriptions = uuids.map((uuid) => this.subscribe(uuid));
    const started = performance.now();
    await Promise.all(requests.map((request, i) => this.submit({ ...request, uuid: uuids[i] })));
    const ends = await Promise.all(uuids.map((uuid, i) => this.result(uuid, subscriptions[i], (r) => check(r, i))));
    return Math.max(...ends) - started;
  }

  run(p) {
    return this.jobs([request(p)], (r) => expectOutput(r, p.expected));
  }

  /** count jobs at once: jobs per second from the first POST to the last result. */
  async burst(p, count) {
    const ms = await this.jobs(Array.from({ length: count }, () => request(p)), (r) => expectOutput(r, p.expected));
    return count / (ms / 1000);
  }

  /** One submission with `cases` test cases, ms. */
  tests(p, cases) {
    const tests = Array.from({ length: cases }, (_, i) => testCase(i));
    return this.jobs([{ ...request(p), tests, compare: 'exact' }], (r) =>
      r.status === 'SUCCESS' && r.summary?.passed === cases ? null : `${r.status}, summary ${JSON.stringify(r.summary)}`);
  }

  /** `cases` submissions at once, each with one case's stdin, ms. */
  separate(p, cases) {
    return this.jobs(Array.from({ length: cases }, (_, i) => ({ ...request(p), stdin: testCase(i).stdin })),
      (r, i) => expectOutput(r, testCase(i).expectedOutput));
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

function request(p) {
  return { code: p.source, language: p.language, version: p.version };
}

function expectOutput(result, expected) {
  return result.status === 'SUCCESS' && result.stdout === expected ? null
    : `${result.status}, stdout ${JSON.stringify(result.stdout)}, stderr ${JSON.stringify(result.stderr)}`;
}

function tail(file) {
  try { return fs.readFileSync(file, 'utf8').split('\n').slice(-30).join('\n'); } catch { return ''; }
}

// ---------- measuring ----------

/** BENCH_WARMUP discarded runs, then BENCH_RUNS measured, each row.gapMs after the previous result. */
async function series(what, row, once) {
  const run = async () => { if (row.gapMs > 0) await sleep(row.gapMs); return once(row.program); };
  for (let i = 0; i < config.warmup; i++) await run();
  const samples = [];
  for (let i = 0; i < config.runs; i++) samples.push(await run());
  const s = stats(samples);
  log(`${what} ${row.key}: p50 ${fmt(s.p50)} ms, p95 ${fmt(s.p95)} ms`);
  return s;
}

function stats(samples) {
  const sorted = [...samples].sort((x, y) => x - y);
  const rank = (p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
  return { p50: rank(50), p95: rank(95), n: sorted.length, samples };
}

/** (a) and (b); (e) is (a) under gVisor: its latency and burst rows only (the pool figures and test cases are (a)'s). */
async function measureEdc(mode, poolEnabled, results, attempt, runtime) {
  const edc = new Edc(mode, poolEnabled, runtime);
  current = edc;
  try {
    await edc.start();
    if (poolEnabled) {
      const idle = await edc.settledPool();
      if (!runtime) results.pool.idle = idle;
    }
    for (const row of LATENCY_ROWS) {
      await attempt(`(${mode}) ${row.key}`, async () => {
        const run = (p) => edc.run(p);
        if (!poolEnabled || row.gapMs > 0) {
          results.latency[mode][row.key] = await series(`(${mode}) EDC`, row, run);
          return;
        }
        // A series back to back outruns the engine's container making, so only containers made
        // before it serve it: as with bursts, (a) runs it again once the pool has refilled (the
        // first series taught it the demand), and reports the first series apart.
        const first = await series(`(${mode}) EDC, first series`, row, run);
        const samples = [];
        for (let i = 1; i < config.bursts; i++) {
          const pool = await edc.settledPool();
          const again = await series(`(${mode}) EDC, series ${i + 1} (pool ${pool.containers})`, row, run);
          samples.push(...again.samples);
        }
        results.latency[mode][row.key] = { ...stats(samples), first };
      });
    }
    // Each burst reaches an idle worker whose pool has refilled: (a) repeats it (the pool sizes
    // itself from demand, so the first one also teaches it); (b) has no pool to learn.
    for (const row of BURST_ROWS) {
      await attempt(`(${mode}) ${row.key}`, async () => {
        const rates = [];
        for (let i = 0; i < (poolEnabled ? config.bursts : 1); i++) {
          const pool = await edc.settledPool();
          rates.push(await edc.burst(row.program, row.count));
          log(`(${mode}) EDC burst ${row.key} ${i + 1} (pool ${pool.containers}): ${rates.at(-1).toFixed(1)} jobs/s`);
        }
        results.burst[mode][row.key] = { median: median(rates), first: rates[0], all: rates };
      });
    }
    if (poolEnabled && !runtime) {
      for (const row of TEST_ROWS) {
        await attempt(`(${mode}) ${row.key}`, async () => {
          const one = [];
          const many = [];
          for (let i = 0; i < config.testRuns; i++) {
            await edc.settledPool();
            one.push(await edc.tests(row.program, row.cases));
            await edc.settledPool();
            many.push(await edc.separate(row.program, row.cases));
          }
          results.tests[row.key] = { tests: median(one), separate: median(many) };
          log(`(${mode}) ${row.key}: ${fmt(median(one))} ms with ${row.cases} cases, ${fmt(median(many))} ms as ${row.cases} submissions`);
        });
      }
      results.pool.after = await edc.settledPool();
    }
  } finally {
    await edc.stop();
    current = null;
  }
}

async function measureDockerRun(results, attempt) {
  for (const row of LATENCY_ROWS) {
    await attempt(`(c) ${row.key}`, async () => { results.latency.c[row.key] = await series('(c) docker run', row, (p) => dockerRun(p)); });
  }
  for (const row of BURST_ROWS) {
    await attempt(`(c) ${row.key}`, async () => {
      const ms = await dockerMany(row.program, row.count, config.dockerParallel, false);
      results.burst.c[row.key] = { median: row.count / (ms / 1000) };
      log(`(c) docker run ${row.key}, ${config.dockerParallel} at a time: ${results.burst.c[row.key].median.toFixed(1)} jobs/s`);
    });
  }
  for (const row of TEST_ROWS) {
    await attempt(`(c) ${row.key}`, async () => {
      results.tests[row.key] = { ...results.tests[row.key], docker: await dockerMany(row.program, row.cases, config.dockerParallel, true) };
    });
  }
}

async function measureHost(results, attempt) {
  for (const row of LATENCY_ROWS) {
    await attempt(`(d) ${row.key}`, async () => { results.latency.d[row.key] = await series('(d) host', row, hostRun); });
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
    python: sh(`${config.hostPython} --version`),
    commit: sh(`git -C ${ROOT} rev-parse --short HEAD`) + (sh(`git -C ${ROOT} status --porcelain -- src runners pom.xml`) ? ' (with local changes)' : ''),
  };
}

function describePool(pool) {
  return pool ? `${pool.containers} containers, ${pool.memoryMiB.toFixed(1)} MiB as their runners measured` : 'not measured';
}

function writeReport(results, m, seconds) {
  const L = results.latency;
  const B = results.burst;
  const T = results.tests;
  const cell = (s) => (s ? `${fmt(s.p50)} / ${fmt(s.p95)}` : '–');
  const jobs = (x) => (x ? x.toFixed(1) : '–');
  const lines = [];
  lines.push('# EDC benchmark results', '');
  lines.push(`Produced by \`bash bench/run.sh\` (see bench/README.md) on ${m.date}, EDC commit ${m.commit}.`, '');
  lines.push('| machine | |', '| --- | --- |');
  lines.push(`| CPUs (nproc) | ${m.cpus} |`, `| memory | ${m.memory} |`, `| kernel | ${m.kernel} |`, `| Docker engine | ${m.docker} |`);
  lines.push(`| host runtimes (d) | Node.js ${m.node}; ${m.java}; ${m.python} |`);
  const loads = Object.entries(results.load).map(([what, load]) => `${what} ${load}`).join(', ');
  lines.push(`| load average (1 min) | ${loads} (the machine is shared: compare runs made under a similar load) |`);
  lines.push(`| settings | EDC's default configuration; ${config.runs} runs after ${config.warmup} warm-up runs per latency cell; paced rows ${config.gapMs} ms apart; (a) repeats each burst ${config.bursts} times (median), (c) runs bursts and cases ${config.dockerParallel} at a time; ${Math.round(seconds)} s in all |`);
  lines.push('');
  const budget = results.pool.idle?.budgetMiB ?? results.pool.after?.budgetMiB;
  lines.push(`Warm pool (a), as EDC measures it: idle after start ${describePool(results.pool.idle)}; after the bursts and test cases ${describePool(results.pool.after)}${budget ? `; budget ${budget.toFixed(0)} MiB (EDC_POOL_MEMORY_BUDGET)` : ''}.`, '');

  lines.push('## Latency, ms (p50 / p95)', '');
  lines.push('(a) EDC with its warm pool and (b) without: POST /execute-code to the result MESSAGE on STOMP `/topic/result/<uuid>`, subscribed before posting. (c) `docker run --rm -i` of the same runner image with the sandbox\'s flags and payload. (d) the bare runtime on the host (`node file.js`, `java Main.java` on JDK 17). Paced: each run ' + config.gapMs + ' ms after the previous result; back to back: right after it. (a) back to back: the series (' + config.warmup + ' warm-up and ' + config.runs + ' measured runs) repeated ' + (config.bursts - 1) + ' more times, each once the pool has refilled, as bursts are; the first series, before the pool learned it, in brackets. (e) is (a) with every sandbox under gVisor (`EDC_SANDBOX_RUNTIME=runsc`), measured the same way. Ratios are of medians.', '');
  lines.push('| row | (a) EDC | (b) EDC, no pool | (c) docker run --rm | (d) host | (e) EDC, gVisor | a/c | a/d | b/c | b/d | e/a |');
  lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  const withFirst = (x) => (x?.first ? `${cell(x)} (first ${fmt(x.first.p50)} / ${fmt(x.first.p95)})` : cell(x));
  for (const row of LATENCY_ROWS) {
    const [a, b, c, d, e] = ['a', 'b', 'c', 'd', 'e'].map((mode) => L[mode][row.key]);
    lines.push(`| ${row.label} | ${withFirst(a)} | ${cell(b)} | ${cell(c)} | ${cell(d)} | ${withFirst(e)} | ${ratio(a?.p50, c?.p50)} | ${ratio(a?.p50, d?.p50)} | ${ratio(b?.p50, c?.p50)} | ${ratio(b?.p50, d?.p50)} | ${ratio(e?.p50, a?.p50)} |`);
  }
  lines.push('');

  if (BURST_ROWS.length) {
    lines.push('## Bursts, jobs/s', '');
    lines.push(`All jobs submitted at once, first POST to last result. (a) and (e): median of ${config.bursts} bursts, each once the pool has refilled (the first one, before the pool learned the burst, in brackets). (c): as many \`docker run --rm -i\`, ${config.dockerParallel} at a time (EDC's default worker concurrency).`, '');
    lines.push('| burst | (a) EDC (first) | (b) EDC, no pool | (c) docker run --rm | (e) EDC, gVisor (first) | a/c | b/c | e/c |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const row of BURST_ROWS) {
      const [a, b, c, e] = ['a', 'b', 'c', 'e'].map((mode) => B[mode][row.key]);
      const withFirstRate = (x) => (x ? `${jobs(x.median)} (${jobs(x.first)})` : '–');
      lines.push(`| ${row.label} | ${withFirstRate(a)} | ${jobs(b?.median)} | ${jobs(c?.median)} | ${withFirstRate(e)} | ${ratio(a?.median, c?.median)} | ${ratio(b?.median, c?.median)} | ${ratio(e?.median, c?.median)} |`);
    }
    lines.push('');
  }

  if (TEST_ROWS.length) {
    lines.push('## Test cases (graders), ms', '');
    lines.push(`(a) one submission with N cases (compiled once, each case a fresh process), POST to result; N separate submissions of the same program at once, first POST to last result; medians of ${config.testRuns}. (c) N \`docker run --rm -i\`, ${config.dockerParallel} at a time.`, '');
    lines.push('| row | one submission, N cases | N submissions | (c) N docker run --rm | cases / submissions | cases / docker run |', '| --- | ---: | ---: | ---: | ---: | ---: |');
    for (const row of TEST_ROWS) {
      const t = T[row.key] ?? {};
      lines.push(`| ${row.label} | ${fmt(t.tests)} | ${fmt(t.separate)} | ${fmt(t.docker)} | ${ratio(t.tests, t.separate)} | ${ratio(t.tests, t.docker)} |`);
    }
    lines.push('');
  }

  lines.push('## Targets (issue 15; test cases: issue 12)', '');
  const met = (ok) => (ok === undefined ? 'not measured' : ok ? '**met**' : '**not met**');
  const p50 = (mode, key) => L[mode][key]?.p50;
  const jsB2b = p50('a', 'js-hello-b2b'); const jsHost = p50('d', 'js-hello-b2b');
  const firstSeries = (key) => L.a[key]?.first ? `; first series ${fmt(L.a[key].first.p50)} ms` : '';
  lines.push(`- JavaScript hello back to back, (a) no slower than bare \`node\`: ${met(jsB2b && jsHost ? jsB2b <= jsHost : undefined)}: ${fmt(jsB2b)} ms vs ${fmt(jsHost)} ms (${ratio(jsB2b, jsHost)}${firstSeries('js-hello-b2b')}).`);
  const javaB2b = p50('a', 'java-hello-b2b'); const javaHost = p50('d', 'java-hello-b2b');
  lines.push(`- Java 17 hello back to back, (a) at most 0.5× bare \`java Main.java\`: ${met(javaB2b && javaHost ? javaB2b <= javaHost / 2 : undefined)}: ${fmt(javaB2b)} ms vs ${fmt(javaHost)} ms (${ratio(javaB2b, javaHost)}${firstSeries('java-hello-b2b')}).`);
  for (const row of BURST_ROWS) {
    const a = B.a[row.key]?.median; const c = B.c[row.key]?.median;
    lines.push(`- Burst of ${row.label}, (a) at least 3× \`docker run --rm\`: ${met(a && c ? a >= 3 * c : undefined)}: ${jobs(a)} vs ${jobs(c)} jobs/s (${ratio(a, c)}; first burst ${jobs(B.a[row.key]?.first)}).`);
  }
  for (const [key, label] of [['js-hello', 'JavaScript'], ['java-hello', 'Java 17']]) {
    const a = p50('a', key);
    if (a) lines.push(`- ${label} hello paced (idle latency): ${fmt(a)} ms (${ratio(a, p50('d', key))} of the host).`);
  }
  for (const row of TEST_ROWS) {
    const t = T[row.key] ?? {};
    lines.push(`- ${row.label}, one submission at most 0.25× of ${row.cases} submissions: ${met(t.tests && t.separate ? t.tests <= 0.25 * t.separate : undefined)}: ${fmt(t.tests)} ms vs ${fmt(t.separate)} ms (${ratio(t.tests, t.separate)}).`);
  }
  const after = results.pool.after;
  lines.push(`- Idle pool memory within the budget: ${met(after && budget ? Math.max(after.memoryMiB, results.pool.idle?.memoryMiB ?? 0) <= budget : undefined)}: at most ${Math.max(after?.memoryMiB ?? 0, results.pool.idle?.memoryMiB ?? 0).toFixed(1)} MiB of ${budget ? budget.toFixed(0) : '?'} MiB.`);
  if (results.failures.length) {
    lines.push('', '## Failures', '', ...results.failures.map((f) => `- ${f}`));
  }
  return lines.join('\n') + '\n';
}

// ---------- main ----------

let current = null;

async function main() {
  if (['a', 'b', 'e'].some((mode) => config.modes.includes(mode)) && !(config.jar && fs.existsSync(config.jar))) {
    throw new Error('BENCH_JAR names no EDC jar: run the benchmark with bash bench/run.sh');
  }
  fs.mkdirSync(config.out, { recursive: true });
  const started = performance.now();
  const results = {
    latency: { a: {}, b: {}, c: {}, d: {}, e: {} }, burst: { a: {}, b: {}, c: {}, e: {} }, tests: {}, pool: {}, load: {}, failures: [],
  };
  const attempt = async (what, fn) => {
    try { await fn(); } catch (e) { results.failures.push(`${what}: ${e.message.split('\n')[0]}`); log(`FAILED ${what}: ${e.message}`); }
  };
  const column = async (mode, fn) => {
    if (!config.modes.includes(mode)) return;
    results.load[`(${mode})`] = os.loadavg()[0].toFixed(2);
    await attempt(`(${mode})`, fn);
  };
  log(`${config.runs} runs + ${config.warmup} warm-up per latency cell; modes ${config.modes.join(',')}`);
  // EDC first: its worker rebuilds any runner image whose sources changed, so (c) then runs the
  // same images as (a) and (b).
  await column('a', () => measureEdc('a', true, results, attempt));
  await column('b', () => measureEdc('b', false, results, attempt));
  await column('c', () => measureDockerRun(results, attempt));
  await column('d', () => measureHost(results, attempt));
  await column('e', () => measureEdc('e', true, results, attempt, 'runsc'));
  results.load.end = os.loadavg()[0].toFixed(2);

  const text = writeReport(results, machine(), (performance.now() - started) / 1000);
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

#!/usr/bin/env python3
"""Compares EDC under runc and under gVisor (runsc), end to end, on this machine.

Starts two EDC processes from the built jar (target/edc-*.jar), one per runtime, each with the
default configuration (warm pool on) and its own port and job queue (in one RabbitMQ virtual host
and one Redis database, --vhost and --redis-db), then times the same jobs against both, alternating request by request so that the machine's load
falls on both alike:

  paced         hello world, one job every GAP seconds (the pool has refilled: an idle server)
  back to back  hello world, each job right after the previous result
  burst         N jobs submitted at once: jobs/s from the first POST to the last result

A job is timed from `POST /execute-code?wait=true` to its answer. Also `docker run --rm` of a bare
`node -e` under each runtime (the engine's floor, no EDC). Prints a Markdown table with the
machine's load average (uptime) before and after. Only loopback traffic. Run as root from the
repository root, after `bash scripts/services.sh` and `./mvnw -DskipTests package`:

  python3 scripts/bench-runtimes.py [--runs 15] [--burst-js 20] [--burst-java 10] [--vhost /] [--redis-db 0]
"""
import argparse
import concurrent.futures
import glob
import json
import os
import statistics
import subprocess
import time
import urllib.request
import uuid

JS = "console.log('Hello, World!')"
JAVA = 'public class Main { public static void main(String[] a) { System.out.println("Hello, World!"); } }'
RUNTIMES = {"runc": {"port": 18191, "queue": "edc.bench.runc"},
            "runsc": {"port": 18192, "queue": "edc.bench.runsc"}}


def uptime():
    return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()


def start(runtime, settings, jar, logs, vhost, redis_db):
    env = dict(os.environ, PORT=str(settings["port"]), SPRING_RABBITMQ_HOST="localhost",
               SPRING_RABBITMQ_VIRTUAL_HOST=vhost, SPRING_DATA_REDIS_HOST="localhost",
               SPRING_DATA_REDIS_DATABASE=str(redis_db), EDC_QUEUE_NAME=settings["queue"],
               EDC_SANDBOX_RUNTIME="" if runtime == "runc" else runtime)
    log = open(os.path.join(logs, f"edc-{runtime}.log"), "w")
    # EDC needs Java 21+: JAVA_HOME's, as the other scripts use it (the machine's default may be older)
    java = os.path.join(os.environ["JAVA_HOME"], "bin", "java") if os.environ.get("JAVA_HOME") else "java"
    return subprocess.Popen([java, "-jar", jar], env=env, stdout=log, stderr=subprocess.STDOUT)


def ready(port, timeout=180):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/actuator/health/readiness", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            pass
        time.sleep(1)
    raise SystemExit(f"EDC on port {port} not ready in {timeout}s")


def run(port, language, version, code):
    """One job, POST ?wait=true to its result: seconds taken."""
    body = {"uuid": "bench-" + uuid.uuid4().hex, "language": language, "code": code}
    if version:
        body["version"] = version
    request = urllib.request.Request(f"http://127.0.0.1:{port}/execute-code?wait=true",
                                     data=json.dumps(body).encode(), method="POST",
                                     headers={"content-type": "application/json"})
    started = time.monotonic()
    with urllib.request.urlopen(request, timeout=120) as response:
        result = json.load(response)
    took = time.monotonic() - started
    if result.get("status") != "SUCCESS" or not result.get("stdout", "").startswith("Hello, World!"):
        raise SystemExit(f"unexpected result on port {port}: {result}")
    return took


def docker_floor(runtime, runs):
    times = []
    for _ in range(runs):
        started = time.monotonic()
        subprocess.run(["docker", "run", "--rm", "--network", "none", "--runtime", runtime,
                        "--entrypoint", "node", "edc-runner/node:20", "-e", JS], check=True, capture_output=True)
        times.append(time.monotonic() - started)
    return times


def burst(port, language, version, code, n):
    started = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(n) as pool:
        list(pool.map(lambda _: run(port, language, version, code), range(n)))
    return n / (time.monotonic() - started)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--gap", type=float, default=1.5)
    parser.add_argument("--burst-js", type=int, default=20)
    parser.add_argument("--burst-java", type=int, default=10)
    parser.add_argument("--vhost", default="/")
    parser.add_argument("--redis-db", type=int, default=0)
    args = parser.parse_args()
    jar = sorted(glob.glob("target/edc-*.jar"))[0]
    logs = "target/bench-runtimes"
    os.makedirs(logs, exist_ok=True)
    load = [uptime()]
    servers = {name: start(name, settings, jar, logs, args.vhost, args.redis_db) for name, settings in RUNTIMES.items()}
    try:
        for settings in RUNTIMES.values():
            ready(settings["port"])
        time.sleep(60)  # both pools filled (a warmed JVM takes seconds)
        rows = {}
        programs = {"JavaScript hello": ("javascript", None, JS), "Java 17 hello": ("java", "17", JAVA)}
        for label, (language, version, code) in programs.items():
            for mode, gap in (("paced", args.gap), ("back to back", 0)):
                times = {name: [] for name in RUNTIMES}
                for _ in range(args.runs):
                    for name, settings in RUNTIMES.items():
                        time.sleep(gap)
                        times[name].append(run(settings["port"], language, version, code))
                rows[f"{label}, {mode}, p50"] = {n: f"{statistics.median(t) * 1000:.0f} ms" for n, t in times.items()}
            load.append(uptime())
        for label, (language, version, code), n in (("JavaScript", programs["JavaScript hello"], args.burst_js),
                                                    ("Java 17", programs["Java 17 hello"], args.burst_java)):
            rate = {}
            for name, settings in RUNTIMES.items():
                time.sleep(45)  # the pool refilled after the previous burst
                rate[name] = f"{burst(settings['port'], language, version, code, n):.1f} jobs/s"
            rows[f"burst of {n} {label} hello jobs"] = rate
        load.append(uptime())
        floor = {name: docker_floor(name, args.runs) for name in RUNTIMES}
        rows["`docker run --rm` of `node -e` (no EDC), p50"] = {
            n: f"{statistics.median(t) * 1000:.0f} ms" for n, t in floor.items()}
        load.append(uptime())
    finally:
        for server in servers.values():
            server.terminate()
        for server in servers.values():
            server.wait(timeout=90)
    print("| | runc | runsc |\n| --- | ---: | ---: |")
    for label, cells in rows.items():
        print(f"| {label} | {cells['runc']} | {cells['runsc']} |")
    print("\nLoad (uptime) before, after the hello rows, after the bursts, at the end:")
    for line in load:
        print("    " + line)


if __name__ == "__main__":
    main()

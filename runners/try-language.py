#!/usr/bin/env python3
"""Runs a language's test fixtures in its runner image the way an EDC sandbox will, with plain docker.

A lab tool for runners/languages.yml (not used by the application): for each fixture of
src/test/resources/languages/<language>/ it starts one container with the sandbox's settings
(read-only root, no network, all capabilities dropped, no-new-privileges, 1 CPU, memory without
swap, pids limit, open files 256, file size 16 MB, /box exec tmpfs owned by uid B, /tmp noexec
tmpfs mode 1777), writes the files into /box (as B) and /tmp (as B+1), runs `compile` as B in /box
and `run` as B+1 in /tmp through `/bin/sh -c '<command>' edc <args...>`, and checks the result.
It prints the compile and run wall times, their CPU times (the container's cgroup: these do not grow
when other work shares the machine, so they are the better measure of a compiler's cost), and the
container's memory and pids peaks and what the compile left in /box.

  runners/try-language.py python                     # every fixture of the language
  runners/try-language.py c hello echo --memory 32m  # some fixtures, another memory limit
  runners/try-language.py kotlin hello --image edc-lab/jvm --repeat 3

Needs PyYAML and a docker client. Exit status 0 when every checked fixture passed.
"""
import argparse
import base64
import io
import os
import re
import subprocess
import sys
import tarfile
import threading
import time

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(ROOT, 'src', 'test', 'resources', 'languages')
B = 200000  # compile uid; the run uid is B + 1

ECHO_STDIN = 'line one\nline two: é ü 😀\n'
ECHO_ARGS = ['a b', '-c', 'd']

# Runs as root in the container with only SETUID and SETGID: everything else as B or B+1.
WRAPPER = r'''
set -u
ms() { echo $(( $(date +%s%N) / 1000000 )); }
mem() { cat /sys/fs/cgroup/memory/memory.max_usage_in_bytes 2>/dev/null || cat /sys/fs/cgroup/memory.peak 2>/dev/null || echo -1; }
pids() { cat /sys/fs/cgroup/pids/pids.peak 2>/dev/null || cat /sys/fs/cgroup/pids.peak 2>/dev/null || echo -1; }
# CPU time of the whole container in ms (cgroup v1 cpuacct, else v2 cpu.stat): unlike wall time,
# it does not grow when other work shares the machine.
cpu() { c=$(cat /sys/fs/cgroup/cpuacct/cpuacct.usage 2>/dev/null) && echo $((c / 1000000)) && return; sed -n 's/^usage_usec //p' /sys/fs/cgroup/cpu.stat 2>/dev/null | awk '{print int($1/1000)}'; }
ENV="PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/tmp TMPDIR=/tmp LANG=C.UTF-8 EDC_MAIN=$EDC_MAIN"
printf %s "$EDC_FILES" | base64 -d | (cd /box && setpriv --reuid $B --regid $B --clear-groups tar -x --no-same-owner)
printf %s "$EDC_FILES" | base64 -d | (cd /tmp && setpriv --reuid $R --regid $R --clear-groups tar -x --no-same-owner)
unset EDC_FILES
if [ -n "$EDC_COMPILE" ]; then
  t0=$(ms); c0=$(cpu)
  out=$(cd /box && setpriv --reuid $B --regid $B --clear-groups env -i $ENV timeout -s KILL "$EDC_COMPILE_TIMEOUT" /bin/sh -c "$EDC_COMPILE" edc </dev/null 2>&1)
  rc=$?
  t1=$(ms); c1=$(cpu)
  printf '@@EDC-COMPILE %s %s/%s %s %s %s %s\n' "$rc" "$((t1 - t0))" "$((c1 - c0))" "$(mem)" "$(pids)" "$(du -sk /box 2>/dev/null | cut -f1)" "$(printf %s "$out" | base64 -w0)" >&2
  [ "$rc" = 0 ] || exit 0
else
  printf '@@EDC-COMPILE - 0/0 %s %s 0 \n' "$(mem)" "$(pids)" >&2
fi
t0=$(ms); c0=$(cpu)
cd /tmp && setpriv --reuid $R --regid $R --clear-groups env -i $ENV timeout -s KILL "$EDC_RUN_TIMEOUT" /bin/sh -c "$EDC_RUN" edc "$@"
rc=$?
t1=$(ms); c1=$(cpu)
printf '\n@@EDC-RUN %s %s/%s %s %s\n' "$rc" "$((t1 - t0))" "$((c1 - c0))" "$(mem)" "$(pids)" >&2
'''


def load_entry(language, version):
    with open(os.path.join(ROOT, 'runners', 'languages.yml')) as f:
        entries = yaml.safe_load(f)
    for e in entries:
        if e['language'] == language and (version is None or str(e['version']) == version):
            return e
    sys.exit(f'no entry for {language} {version or ""} in runners/languages.yml')


def size(text):
    m = re.fullmatch(r'(\d+)\s*([KMG]?)B?', str(text).strip(), re.I)
    return int(m.group(1)) * {'': 1, 'K': 1 << 10, 'M': 1 << 20, 'G': 1 << 30}[m.group(2).upper()]


def seconds(text):
    m = re.fullmatch(r'(\d+(?:\.\d+)?)\s*(ms|s)?', str(text).strip())
    return float(m.group(1)) / (1000 if m.group(2) == 'ms' else 1)


def tar_of(files):
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode='w', format=tarfile.USTAR_FORMAT) as tar:
        dirs = set()
        for path, data in files.items():
            parts = path.split('/')[:-1]
            for i in range(1, len(parts) + 1):
                d = '/'.join(parts[:i])
                if d not in dirs:
                    dirs.add(d)
                    info = tarfile.TarInfo(d)
                    info.type, info.mode = tarfile.DIRTYPE, 0o755
                    tar.addfile(info)
            info = tarfile.TarInfo(path)
            info.size, info.mode = len(data), 0o644
            tar.addfile(info, io.BytesIO(data))
    return base64.b64encode(buf.getvalue()).decode()


def run_job(entry, image, files, main, stdin=b'', args=(), opts=None):
    """One sandbox: returns a dict with compile/run outcome, outputs, times and peaks."""
    limits = entry.get('limits') or {}
    memory = opts.memory or str(limits.get('memory', '256MB'))
    mem_bytes = size(memory)
    cap = size(opts.output or limits.get('output', '64KB'))
    name = f'edc-lab-try-{os.getpid()}-{time.monotonic_ns()}'
    cmd = ['docker', 'run', '--rm', '-i', '--name', name, '--network', 'none', '--read-only',
           '--cap-drop', 'ALL', '--cap-add', 'SETUID', '--cap-add', 'SETGID',
           '--security-opt', 'no-new-privileges', '--cpus', '1',
           '--memory', str(mem_bytes), '--memory-swap', str(mem_bytes),
           '--pids-limit', str(opts.pids or entry.get('pids', 128)),
           '--ulimit', 'nofile=256:256', '--ulimit', f'fsize={16 << 20}:{16 << 20}',
           '--log-driver', 'none', '--user', '0', '--workdir', '/',
           '--tmpfs', f'/box:rw,exec,nosuid,nodev,size={opts.box},uid={B},gid={B},mode=0755',
           '--tmpfs', '/tmp:rw,noexec,nosuid,nodev,size=64m,mode=1777',
           '-e', f'B={B}', '-e', f'R={B + 1}', '-e', f'EDC_MAIN={main}',
           '-e', f'EDC_FILES={tar_of(files)}',
           '-e', f'EDC_COMPILE={entry.get("compile") or ""}',
           '-e', f'EDC_COMPILE_TIMEOUT={opts.compile_timeout or seconds(entry.get("compile-time") or "30s")}',
           '-e', f'EDC_RUN={entry["run"]}',
           '-e', f'EDC_RUN_TIMEOUT={opts.timeout or seconds(limits.get("time", "5s"))}',
           '--entrypoint', '/bin/sh', image, '-c', WRAPPER, 'wrapper', *args]
    started = time.monotonic()
    p = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    result = {'capped': False}

    def drain(stream, key, limit):
        data = bytearray()
        while True:
            chunk = stream.read1(65536)
            if not chunk:
                break
            if len(data) < limit:
                data += chunk
            if len(data) >= limit and not result['capped']:
                # Kill from another thread and go on draining: a reader that stops reading blocks
                # the daemon's attach copy, which holds the container's lock that kill needs.
                result['capped'] = True
                threading.Thread(target=subprocess.run, args=(['docker', 'kill', name],),
                                 kwargs={'capture_output': True}, daemon=True).start()
        result[key] = bytes(data)

    readers = [threading.Thread(target=drain, args=(p.stdout, 'stdout', cap)),
               threading.Thread(target=drain, args=(p.stderr, 'stderr', cap + (1 << 20)))]
    for t in readers:
        t.start()
    try:
        p.stdin.write(stdin)
        p.stdin.close()
    except BrokenPipeError:
        pass
    try:
        p.wait(timeout=opts.overall)
    except subprocess.TimeoutExpired:
        subprocess.run(['docker', 'kill', name], capture_output=True)
        p.wait()
    for t in readers:
        t.join()
    result['wall'] = time.monotonic() - started
    result['exit'] = p.returncode
    err = result['stderr'].decode('utf-8', 'replace')
    m = re.search(r'(?m)^@@EDC-COMPILE (\S+) (\d+)/(-?\d+) (-?\d+) (-?\d+) (\d*) ?(\S*)\n', err)
    if m:
        result['compile_rc'] = None if m.group(1) == '-' else int(m.group(1))
        result['compile_ms'] = int(m.group(2))
        result['compile_cpu'] = int(m.group(3))
        result['compile_peak'] = int(m.group(4))
        result['compile_pids'] = int(m.group(5))
        result['box_kb'] = int(m.group(6) or 0)
        result['compile_out'] = base64.b64decode(m.group(7)).decode('utf-8', 'replace')
        err = err[:m.start()] + err[m.end():]
    m = re.search(r'\n@@EDC-RUN (\d+) (\d+)/(-?\d+) (-?\d+) (-?\d+)\n$', err)
    if m:
        result['run_rc'] = int(m.group(1))
        result['run_ms'] = int(m.group(2))
        result['run_cpu'] = int(m.group(3))
        result['run_peak'] = int(m.group(4))
        result['run_pids'] = int(m.group(5))
        err = err[:m.start()]
    result['err'] = err
    result['out'] = result['stdout'].decode('utf-8', 'replace')
    return result


def fixture_files(entry, folder, name):
    """(files, main) for a fixture: a single file sent as source-file, or a folder (multi)."""
    path = os.path.join(folder, name)
    if os.path.isdir(path):
        files = {}
        for dirpath, _, names in os.walk(path):
            for n in names:
                rel = os.path.relpath(os.path.join(dirpath, n), path)
                if rel != 'expected.txt':
                    with open(os.path.join(dirpath, n), 'rb') as f:
                        files[rel] = f.read()
        return files, entry['source-file']
    for n in sorted(os.listdir(folder)):
        if n.startswith(name + '.') and not n.endswith('.txt'):
            with open(os.path.join(folder, n), 'rb') as f:
                return {entry['source-file']: f.read()}, entry['source-file']
    return None, None


def text(folder, name):
    with open(os.path.join(folder, name), encoding='utf-8') as f:
        return f.read().strip()


def check(entry, folder, name, r):
    """None when fine, else what is wrong; hostile fixtures are only reported."""
    if r.get('compile_rc') not in (None, 0) and name != 'compile-error':
        return 'compile failed: ' + r.get('compile_out', '')[-2000:]
    if name == 'hello':
        lines = r['out'].split('\n')
        version = re.escape(str(entry['version']))
        if r.get('run_rc') == 0 and lines[0] == 'Hello, World!' and len(lines) > 1 \
                and re.fullmatch(version + r'(\..*)?', lines[1]):
            return None
        return 'expected Hello, World! and the version'
    if name == 'echo':
        args = ECHO_ARGS if entry.get('arguments') is not False else []
        want = ECHO_STDIN + ''.join(a + '\n' for a in args)
        return None if r['out'] == want and r.get('run_rc') == 0 else f'expected {want!r}'
    if name == 'exit3':
        return None if r['out'] == 'bye\n' and r.get('run_rc') == 3 else 'expected bye and exit 3'
    if name == 'compile-error':
        want = text(folder, 'compile-error.txt')
        ok = r.get('compile_rc') not in (None, 0) and want in r.get('compile_out', '')
        return None if ok else f'expected a compile error with {want!r}'
    if name == 'runtime-error':
        want = text(folder, 'runtime-error.txt')
        ok = r.get('run_rc') not in (None, 0) and want in r['err']
        return None if ok else f'expected a non-zero exit and {want!r} on stderr'
    if name == 'medium':  # a ~200-line program: it compiles and runs
        return None if r.get('run_rc') == 0 else 'expected exit 0'
    if name == 'multi':
        want = text(folder, os.path.join('multi', 'expected.txt'))
        return None if r['out'].strip() == want and r.get('run_rc') == 0 else f'expected {want!r}'
    return None


FIXED = ['hello', 'echo', 'exit3', 'compile-error', 'runtime-error', 'multi', 'medium']
HOSTILE = ['busy-loop', 'memory-bomb', 'fork-bomb', 'output-flood', 'disk-fill', 'network', 'write-root']


def mb(n):
    return f'{n / (1 << 20):.0f}MB' if n is not None and n >= 0 else '?'


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('language')
    ap.add_argument('fixtures', nargs='*', help='fixture names (default: all there are)')
    ap.add_argument('--version', help='the entry\'s version (default: the first entry of the language)')
    ap.add_argument('--image', help='image to use instead of the entry\'s (e.g. edc-lab/python)')
    ap.add_argument('--memory', help='memory limit instead of the entry\'s limits.memory, e.g. 48m')
    ap.add_argument('--pids', type=int, help='pids limit instead of the entry\'s pids')
    ap.add_argument('--box', default='256m', help='size of the /box tmpfs (default 256m)')
    ap.add_argument('--timeout', type=float, help='run time limit in seconds')
    ap.add_argument('--compile-timeout', type=float, help='compile time limit in seconds')
    ap.add_argument('--output', help='output cap instead of limits.output')
    ap.add_argument('--overall', type=float, default=180, help='kill the container after this many seconds')
    ap.add_argument('--repeat', type=int, default=1, help='run each fixture this many times')
    ap.add_argument('--language-dir', help='fixture folder name if not the language name')
    ap.add_argument('-v', '--verbose', action='store_true', help='print outputs')
    opts = ap.parse_args()
    entry = load_entry(opts.language, opts.version)
    image = opts.image or entry['image']
    folder = os.path.join(FIXTURES, opts.language_dir or opts.language)
    names = opts.fixtures or [n for n in FIXED + HOSTILE
                              if os.path.exists(os.path.join(folder, n)) or fixture_files(entry, folder, n)[0]]
    failed = 0
    for name in names:
        files, main_file = fixture_files(entry, folder, name)
        if files is None:
            print(f'{name}: no fixture')
            failed += 1
            continue
        stdin, args = (ECHO_STDIN.encode(), ECHO_ARGS) if name == 'echo' else (b'', [])
        if entry.get('arguments') is False:
            args = []
        for _ in range(opts.repeat):
            r = run_job(entry, image, files, main_file, stdin, args, opts)
            problem = check(entry, folder, name, r)
            failed += problem is not None
            print(f'{name}: {"ok" if problem is None else "FAIL"}'
                  f' compile={r.get("compile_rc")} {r.get("compile_ms", "?")}ms cpu={r.get("compile_cpu", "?")}ms'
                  f' peak={mb(r.get("compile_peak"))}'
                  f' pids={r.get("compile_pids", "?")} box={r.get("box_kb", "?")}KB'
                  f' | run={r.get("run_rc")} {r.get("run_ms", "?")}ms cpu={r.get("run_cpu", "?")}ms peak={mb(r.get("run_peak"))}'
                  f' pids={r.get("run_pids", "?")} | docker={r["exit"]} {r["wall"]:.2f}s'
                  f'{" capped" if r["capped"] else ""} out={len(r["stdout"])}B')
            if problem:
                print('  ' + problem)
            if opts.verbose or problem or name in HOSTILE:
                if r.get('compile_out'):
                    print('  compile output: ' + r['compile_out'][-1500:].replace('\n', '\n    '))
                print('  stdout: ' + r['out'][-600:].replace('\n', '\n    '))
                print('  stderr: ' + r['err'][-1500:].replace('\n', '\n    '))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())

/*
 * edc-init: PID 1 of every EDC sandbox. runners/PROTOCOL.md describes what it reads and writes.
 *
 * It runs as root with only CAP_SETUID, CAP_SETGID and CAP_KILL, and runs everything else under
 * two unprivileged uids chosen per container by the worker: the compiler as B (owner of /box,
 * the only place where anything executes besides the image) and the program as B+1 (which can
 * write only /tmp, where nothing executes). The program cannot trace, signal or read this
 * process (another uid, no capabilities), and never touches the container's stdout: it writes
 * into pipes that this process reads and frames. So what the worker reads (output, exit status,
 * time, memory) cannot be forged by the program, whatever it prints.
 *
 * Single-threaded: one poll loop over the worker's stdin, the current child's pipes, a signalfd
 * and the current deadline. It forks nothing but the children it runs.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define CHUNK 65536
#define MAX_HEADER 512          /* longest record header line from the worker */
#define MAX_JOB (256L << 20)    /* a job larger than this is refused (the API's limits are far below) */
#define READY_MARK "\0EDC-READY"
#define COMPILE_MARK "\0EDC-COMPILE "
#define DIAG_CAP 8192           /* runner diagnostics kept for an error frame */

/* ---------- small buffers ---------- */

typedef struct {
    char *data;
    size_t len, cap;
} buf_t;

static void die(const char *fmt, ...);

static void buf_add(buf_t *b, const void *bytes, size_t n) {
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + n + 1) cap *= 2;
        char *grown = realloc(b->data, cap);
        if (!grown) die("out of memory");
        b->data = grown;
        b->cap = cap;
    }
    memcpy(b->data + b->len, bytes, n);
    b->len += n;
    b->data[b->len] = '\0';
}

static void buf_drop(buf_t *b, size_t n) {
    memmove(b->data, b->data + n, b->len - n);
    b->len -= n;
}

/* ---------- the job ---------- */

typedef struct {
    char *path;
    buf_t content;
} file_t;

typedef struct {
    buf_t stdin;
    char **args;
    int nargs;
    int own_args; /* the case gave its own args (else the job's apply) */
} case_t;

static struct {
    file_t *files;
    int nfiles;
    char *compile, *run;
    buf_t stdin;
    char **args;
    int nargs;
    case_t *cases;
    int ncases;
    long time_ms, cpu_time_ms, compile_time_ms, output_cap, compile_output_cap;
    int interactive;
    int complete; /* its "end" record arrived */
} job = {.time_ms = 5000, .compile_time_ms = 15000, .output_cap = 65536, .compile_output_cap = 65536};

/* ---------- state ---------- */

enum kind { WARM, COMPILE, PROGRAM };

typedef struct {
    enum kind kind;
    pid_t pid;             /* main process; 0 once reaped */
    int in_fd, out_fd, err_fd;
    buf_t pending;         /* bytes still to write to its stdin */
    int close_stdin;       /* close stdin once pending is written */
    int status;
    long start_ms, end_ms, deadline_ms;
    long cpu_base_ms;      /* the container's CPU use when the program started (for a CPU-time limit) */
    long cpu_us, maxrss_kb;
    long cap, used;
    int truncated, timed_out, stopped;
    int index;             /* test case */
    /* a warm runner's marks */
    int ready, header_done, program_started;
    buf_t line;            /* mark line being read (ready on stderr, compile header on stdout) */
    long header_left;      /* compiler message bytes still to read after the header line */
    int compile_status;
    long job_given_ms;
} child_t;

static child_t *current;
static int sigfd;
static int stop_requested;
static int cut_by_stop; /* a stop killed a step of the job, or kept one from starting */
static int input_closed;     /* "eof" came: the program's stdin ends after what it was given */
static int compile_uid = -1, run_uid = -1;
static buf_t inbuf;          /* bytes from the worker not parsed yet */
static int worker_eof;
static buf_t compile_out;    /* compiler messages kept (up to the cap) */
static buf_t diag;           /* a warm runner's stderr before its program started */
static char **base_env;
static const char *peak_file, *oom_file, *usage_file, *cpu_file;
static int cpu_v2;

/* ---------- output to the worker ---------- */

/*
 * Frames wait here until the worker takes them: stdout is non-blocking, so a worker that drains
 * slowly never stops this process from reading the program's pipes. Otherwise a program whose
 * runtime buffers its own writes (Node.js) would pile its flood up in its memory and end out of
 * memory instead of at its output limit. One run's output is capped below OUT_HIGH (EDC allows
 * 1 MB at most, plus frame headers and compiler messages); past it (many cases and a slow worker)
 * it waits for the worker instead.
 */
#define OUT_HIGH (2L << 20)
static buf_t outq;

/* Writes what stdout takes now. */
static void flush_some(void) {
    while (outq.len > 0) {
        ssize_t w = write(1, outq.data, outq.len);
        if (w > 0) {
            buf_drop(&outq, (size_t) w);
        } else if (w < 0 && errno == EAGAIN) {
            return;
        } else if (w < 0 && errno != EINTR) {
            _exit(3); /* the worker is gone: nothing left to report to */
        }
    }
}

/* Writes everything waiting, however long the worker takes. */
static void flush_all(void) {
    flush_some();
    while (outq.len > 0) {
        struct pollfd out = {.fd = 1, .events = POLLOUT};
        if (poll(&out, 1, -1) < 0 && errno != EINTR) _exit(3);
        flush_some();
    }
}

/* A frame: "<type> <length> <fields>\n" then <length> bytes. */
static void frame(const char *type, const void *bytes, size_t n, const char *fmt, ...) {
    char head[MAX_HEADER];
    int at = snprintf(head, sizeof head, "%s %zu", type, n);
    if (fmt && *fmt) {
        va_list ap;
        va_start(ap, fmt);
        head[at++] = ' ';
        at += vsnprintf(head + at, sizeof head - (size_t) at - 1, fmt, ap);
        va_end(ap);
    }
    head[at++] = '\n';
    buf_add(&outq, head, (size_t) at);
    if (n) buf_add(&outq, bytes, n);
    flush_some();
    if (outq.len > OUT_HIGH) flush_all();
}

static void die(const char *fmt, ...) {
    char text[1024];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    frame("error", text, (size_t) (n < (int) sizeof text ? n : (int) sizeof text - 1), NULL);
    flush_all();
    _exit(2);
}

/* ---------- clocks and cgroup figures ---------- */

static long now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1000L + t.tv_nsec / 1000000L;
}

static void find_cgroup_files(void) {
    if (access("/sys/fs/cgroup/memory.peak", R_OK) == 0 || access("/sys/fs/cgroup/memory.current", R_OK) == 0) {
        peak_file = "/sys/fs/cgroup/memory.peak";          /* cgroup v2 */
        oom_file = "/sys/fs/cgroup/memory.events";
        usage_file = "/sys/fs/cgroup/memory.current";
        cpu_file = "/sys/fs/cgroup/cpu.stat";
        cpu_v2 = 1;
    } else {
        cpu_file = access("/sys/fs/cgroup/cpuacct/cpuacct.usage", R_OK) == 0 ? "/sys/fs/cgroup/cpuacct/cpuacct.usage"
                                                                               : "/sys/fs/cgroup/cpu,cpuacct/cpuacct.usage";
        peak_file = "/sys/fs/cgroup/memory/memory.max_usage_in_bytes";  /* cgroup v1 */
        oom_file = "/sys/fs/cgroup/memory/memory.oom_control";
        usage_file = "/sys/fs/cgroup/memory/memory.usage_in_bytes";
    }
}

static long read_number(const char *path) {
    FILE *f = fopen(path, "r");
    long value = -1;
    if (f) {
        if (fscanf(f, "%ld", &value) != 1) value = -1;
        fclose(f);
    }
    return value;
}

/* CPU time the container has used so far, in ms (-1 if unknown). */
static long cpu_used_ms(void) {
    if (!cpu_v2) {
        long ns = read_number(cpu_file);
        return ns < 0 ? -1 : ns / 1000000L;
    }
    FILE *f = fopen(cpu_file, "r");
    char key[64];
    long value, usec = -1;
    if (!f) return -1;
    while (fscanf(f, "%63s %ld", key, &value) == 2) {
        if (strcmp(key, "usage_usec") == 0) usec = value;
    }
    fclose(f);
    return usec < 0 ? -1 : usec / 1000L;
}

/* Processes the kernel killed for memory in this container so far (-1 if unknown). */
static long oom_kills(void) {
    FILE *f = fopen(oom_file, "r");
    char key[64];
    long value, kills = -1;
    if (!f) return -1;
    while (fscanf(f, "%63s %ld", key, &value) == 2) {
        if (strcmp(key, "oom_kill") == 0) kills = value;
    }
    fclose(f);
    return kills;
}

/* ---------- processes ---------- */

static void set_nonblocking(int fd) {
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
}

static void become(int uid) {
    if (uid < 0 || geteuid() != 0) return; /* run outside a sandbox (tests of this program) */
    if (setgroups(0, NULL) || setgid((gid_t) uid) || setuid((uid_t) uid)) {
        dprintf(2, "edc-init: cannot become uid %d: %s\n", uid, strerror(errno));
        _exit(126);
    }
}

static char **child_env(const char *main_file) {
    int n = 0;
    while (base_env[n]) n++;
    char **env = calloc((size_t) n + 4, sizeof *env);
    int k = 0;
    for (int i = 0; i < n; i++) {
        if (strncmp(base_env[i], "HOME=", 5) && strncmp(base_env[i], "TMPDIR=", 7) && strncmp(base_env[i], "EDC_MAIN=", 9))
            env[k++] = base_env[i];
    }
    env[k++] = "HOME=/tmp";
    env[k++] = "TMPDIR=/tmp";
    if (main_file) {
        char *m = malloc(strlen(main_file) + 10);
        sprintf(m, "EDC_MAIN=%s", main_file);
        env[k++] = m;
    }
    env[k] = NULL;
    return env;
}

/*
 * Starts argv as uid in dir, in a session of its own, with pipes for stdin, stdout and stderr
 * (stderr into stdout when merge). Everything else it inherits is closed.
 */
static void spawn(child_t *c, int uid, const char *dir, char **argv, char **env, int merge) {
    int in[2], out[2], err[2] = {-1, -1};
    if (pipe2(in, O_CLOEXEC) || pipe2(out, O_CLOEXEC) || (!merge && pipe2(err, O_CLOEXEC))) die("pipe: %s", strerror(errno));
    c->start_ms = now_ms();
    pid_t pid = fork();
    if (pid < 0) die("fork: %s", strerror(errno));
    if (pid == 0) {
        sigset_t none;
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, NULL);
        for (int s = 1; s < NSIG; s++) signal(s, SIG_DFL);
        setsid();
        dup2(in[0], 0);
        dup2(out[1], 1);
        dup2(merge ? out[1] : err[1], 2);
        /* The init made the pipes, so root owns them: a program reopening its own stdio by name
         * (/dev/stdin, /proc/self/fd/1) needs them open to its uid. Only its own descriptors name them. */
        for (int fd = 0; fd <= 2; fd++) fchmod(fd, 0666);
        long max = sysconf(_SC_OPEN_MAX);
        for (int fd = 3; fd < (max > 0 && max < 65536 ? max : 1024); fd++) close(fd);
        become(uid);
        if (chdir(dir)) {
            dprintf(2, "edc-init: cannot enter %s: %s\n", dir, strerror(errno));
            _exit(126);
        }
        execvpe(argv[0], argv, env); /* PATH: the image's, which is the init's own */
        dprintf(2, "edc-init: cannot run %s: %s\n", argv[0], strerror(errno));
        _exit(127);
    }
    close(in[0]);
    close(out[1]);
    if (!merge) close(err[1]);
    c->pid = pid;
    c->in_fd = in[1];
    c->out_fd = out[0];
    c->err_fd = merge ? -1 : err[0];
    set_nonblocking(c->in_fd);
    set_nonblocking(c->out_fd);
    if (c->err_fd >= 0) set_nonblocking(c->err_fd);
}

/* Kills every process of the container but this one (as PID 1 only: elsewhere -1 reaches the host's). */
static void kill_all(void) {
    if (getpid() == 1) {
        kill(-1, SIGKILL);
    } else if (current && current->pid > 0) {
        kill(-current->pid, SIGKILL);
    }
}

static void account(child_t *c, struct rusage *ru) {
    c->cpu_us += ru->ru_utime.tv_sec * 1000000L + ru->ru_utime.tv_usec + ru->ru_stime.tv_sec * 1000000L + ru->ru_stime.tv_usec;
    if (ru->ru_maxrss > c->maxrss_kb) c->maxrss_kb = ru->ru_maxrss;
}

/* Reaps what has exited; the current child's main process ends its run (its leftovers are killed). */
static void reap(void) {
    int status;
    struct rusage ru;
    pid_t pid;
    while ((pid = wait4(-1, &status, WNOHANG, &ru)) > 0) {
        if (!current) continue;
        account(current, &ru);
        if (pid == current->pid) {
            current->pid = 0;
            current->status = status;
            if (!current->end_ms) current->end_ms = now_ms();
            kill_all(); /* whatever the program left running: its pipes close, its run is over */
        }
    }
}

/* Waits until no process but this one is left, killing again whatever a dying one forked. */
static void reap_all(void) {
    int status;
    struct rusage ru;
    pid_t pid;
    kill_all();
    while ((pid = wait4(-1, &status, 0, &ru)) > 0 || (pid < 0 && errno == EINTR)) {
        if (pid > 0 && current) account(current, &ru);
        kill_all();
    }
}

static void close_fd(int *fd) {
    if (*fd >= 0) {
        close(*fd);
        *fd = -1;
    }
}

/* ---------- records from the worker ---------- */

static int valid_path(const char *p) {
    size_t n = strlen(p);
    if (n == 0 || n > 255 || p[0] == '/' || p[n - 1] == '/') return 0;
    for (const char *s = p; *s; s++) {
        char ch = *s;
        if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '.' || ch == '_' || ch == '-' || ch == '/'))
            return 0;
    }
    const char *seg = p;
    while (seg) {
        const char *end = strchr(seg, '/');
        size_t len = end ? (size_t) (end - seg) : strlen(seg);
        if (len == 0 || (len == 1 && seg[0] == '.') || (len == 2 && seg[0] == '.' && seg[1] == '.')) return 0;
        seg = end ? end + 1 : NULL;
    }
    return 1;
}

static char *copy_string(const char *bytes, size_t n) {
    char *s = malloc(n + 1);
    memcpy(s, bytes, n);
    s[n] = '\0';
    return s;
}

static void add_arg(char ***args, int *n, const char *bytes, size_t len) {
    *args = realloc(*args, sizeof(char *) * (size_t) (*n + 1));
    (*args)[(*n)++] = copy_string(bytes, len);
}

static void set_option(const char *text) {
    const char *eq = strchr(text, '=');
    if (!eq) die("bad option: %s", text);
    long value = atol(eq + 1);
    size_t k = (size_t) (eq - text);
    if (k == 4 && !strncmp(text, "time", k)) job.time_ms = value;
    else if (k == 12 && !strncmp(text, "compile-time", k)) job.compile_time_ms = value;
    else if (k == 8 && !strncmp(text, "cpu-time", k)) job.cpu_time_ms = value;
    else if (k == 6 && !strncmp(text, "output", k)) job.output_cap = value;
    else if (k == 14 && !strncmp(text, "compile-output", k)) job.compile_output_cap = value;
    else if (k == 11 && !strncmp(text, "interactive", k)) job.interactive = value != 0;
    else die("unknown option: %s", text);
}

/* Input for the program: to it if it runs, else kept for it (it may still be compiling). */
static void input(const char *bytes, size_t n) {
    if (current && current->kind != COMPILE) {
        if (current->in_fd >= 0 && !current->close_stdin) buf_add(&current->pending, bytes, n);
    } else if (!input_closed) {
        buf_add(&job.stdin, bytes, n);
    }
}

static void end_input(void) {
    input_closed = 1;
    if (current && current->kind != COMPILE) current->close_stdin = 1;
}

static void stop(void) {
    stop_requested = 1;
    if (current && (current->pid > 0 || current->kind == WARM)) {
        current->stopped = 1;
        cut_by_stop = 1;
        kill_all();
    }
}

/* One record: a job's part until "end", then input and control. */
static void record(const char *key, const char *name, const char *value, size_t n) {
    if (!job.complete) {
        if (!strcmp(key, "file")) {
            if (!valid_path(name)) die("bad file name: %s", name);
            job.files = realloc(job.files, sizeof(file_t) * (size_t) (job.nfiles + 1));
            file_t *f = &job.files[job.nfiles++];
            memset(f, 0, sizeof *f);
            f->path = copy_string(name, strlen(name));
            buf_add(&f->content, value, n);
        } else if (!strcmp(key, "stdin")) {
            buf_add(&job.stdin, value, n);
        } else if (!strcmp(key, "arg")) {
            add_arg(&job.args, &job.nargs, value, n);
        } else if (!strcmp(key, "compile")) {
            job.compile = copy_string(value, n);
        } else if (!strcmp(key, "run")) {
            job.run = copy_string(value, n);
        } else if (!strcmp(key, "set")) {
            char *text = copy_string(value, n);
            set_option(text);
            free(text);
        } else if (!strcmp(key, "case")) {
            job.cases = realloc(job.cases, sizeof(case_t) * (size_t) (job.ncases + 1));
            case_t *c = &job.cases[job.ncases++];
            memset(c, 0, sizeof *c);
            buf_add(&c->stdin, value, n);
        } else if (!strcmp(key, "case-arg")) {
            if (job.ncases == 0) die("case-arg before any case");
            case_t *c = &job.cases[job.ncases - 1];
            c->own_args = 1;
            add_arg(&c->args, &c->nargs, value, n);
        } else if (!strcmp(key, "case-noargs")) {
            if (job.ncases == 0) die("case-noargs before any case");
            job.cases[job.ncases - 1].own_args = 1;
        } else if (!strcmp(key, "end")) {
            job.complete = 1;
        } else if (!strcmp(key, "stop")) {
            stop();
        } else {
            die("unknown record: %s", key);
        }
    } else if (!strcmp(key, "input")) {
        input(value, n);
    } else if (!strcmp(key, "eof")) {
        end_input();
    } else if (!strcmp(key, "stop")) {
        stop();
    } else {
        die("unknown record after the job: %s", key);
    }
}

/* Parses every whole record in inbuf: "<key> <length>[ <name>]\n" then <length> bytes. */
static void parse_records(void) {
    for (;;) {
        char *eol = memchr(inbuf.data, '\n', inbuf.len);
        if (!eol) {
            if (inbuf.len > MAX_HEADER) die("record header too long");
            return;
        }
        size_t head = (size_t) (eol - inbuf.data);
        if (head >= MAX_HEADER) die("record header too long");
        char line[MAX_HEADER], key[64] = "", name[MAX_HEADER] = "";
        memcpy(line, inbuf.data, head);
        line[head] = '\0';
        long len = -1;
        if (sscanf(line, "%63s %ld %511s", key, &len, name) < 2 || len < 0 || len > MAX_JOB) die("bad record header: %s", line);
        if (inbuf.len < head + 1 + (size_t) len) return; /* its bytes are not all in yet */
        record(key, name, inbuf.data + head + 1, (size_t) len);
        buf_drop(&inbuf, head + 1 + (size_t) len);
    }
}

static void read_worker(void) {
    char chunk[CHUNK];
    ssize_t n = read(0, chunk, sizeof chunk);
    if (n > 0) {
        if (inbuf.len + (size_t) n > (size_t) MAX_JOB + MAX_HEADER) die("job too large");
        buf_add(&inbuf, chunk, (size_t) n);
        parse_records();
    } else if (n == 0 || (errno != EINTR && errno != EAGAIN)) {
        worker_eof = 1; /* the worker let go of this container: no job will come, no more input */
        end_input();
        if (!job.complete) stop();
    }
}

/* ---------- output of the current child ---------- */

/* Forwards program output under the run's cap; past it the program is stopped. */
static void forward(child_t *c, const char *type, const char *bytes, size_t n) {
    if (c->truncated) return;
    size_t room = c->cap > c->used ? (size_t) (c->cap - c->used) : 0;
    size_t take = n < room ? n : room;
    if (take) frame(type, bytes, take, "case=%d", c->index);
    c->used += (long) take;
    if (take < n) {
        c->truncated = 1;
        kill_all();
    }
}

static void keep_compile_output(child_t *c, const char *bytes, size_t n) {
    size_t room = job.compile_output_cap > (long) compile_out.len ? (size_t) job.compile_output_cap - compile_out.len : 0;
    size_t take = n < room ? n : room;
    buf_add(&compile_out, bytes, take);
    if (take < n && !c->truncated) {
        c->truncated = 1;
        if (c->kind == COMPILE) kill_all(); /* a compiler flooding its messages has failed */
    }
}

static void keep_diag(const char *bytes, size_t n) {
    size_t room = DIAG_CAP > diag.len ? DIAG_CAP - diag.len : 0;
    buf_add(&diag, bytes, n < room ? n : room);
}

/* A warm runner writes "\0EDC-READY\n" on stderr once it waits for its job. */
static size_t warm_stderr(child_t *c, const char *bytes, size_t n) {
    size_t i = 0;
    while (!c->ready && i < n) {
        char b = bytes[i++];
        if (b == '\n') {
            if (c->line.len >= sizeof READY_MARK - 1 && !memcmp(c->line.data, READY_MARK, sizeof READY_MARK - 1)) {
                c->ready = 1;
                frame("ready", NULL, 0, "memory=%ld", read_number(usage_file));
            } else {
                keep_diag(c->line.data, c->line.len);
                keep_diag("\n", 1);
            }
            c->line.len = 0;
        } else if (c->line.len < 256) {
            buf_add(&c->line, &b, 1);
        }
    }
    return i;
}

static void program_started(child_t *c) {
    c->program_started = 1;
    c->start_ms = now_ms();
    c->cpu_base_ms = cpu_used_ms();
    c->deadline_ms = c->start_ms + job.time_ms;
    frame("start", NULL, 0, "case=%d", c->index);
}

/*
 * A warm runner opens its stdout with "\0EDC-COMPILE <status> <length>\n" and the compiler's
 * messages, before any of the program's code runs: what follows is the program's.
 */
static size_t warm_stdout(child_t *c, const char *bytes, size_t n) {
    size_t i = 0;
    while (!c->header_done && i < n) {
        if (c->header_left > 0) {
            size_t take = (size_t) c->header_left < n - i ? (size_t) c->header_left : n - i;
            keep_compile_output(c, bytes + i, take);
            i += take;
            c->header_left -= (long) take;
            if (c->header_left == 0) {
                c->header_done = 1;
            }
            continue;
        }
        char b = bytes[i++];
        if (b != '\n') {
            if (c->line.len > 64) die("warm runner wrote no compile header");
            buf_add(&c->line, &b, 1);
            if (c->line.len <= sizeof COMPILE_MARK - 1 && memcmp(c->line.data, COMPILE_MARK, c->line.len))
                die("warm runner wrote no compile header");
            continue;
        }
        long len = -1;
        if (c->line.len < sizeof COMPILE_MARK - 1 || sscanf(c->line.data + sizeof COMPILE_MARK - 1, "%d %ld", &c->compile_status, &len) != 2 || len < 0)
            die("bad compile header from the warm runner");
        c->line.len = 0;
        c->header_left = len;
        if (len == 0) c->header_done = 1;
    }
    if (c->header_done && !c->program_started) {
        frame("compile", compile_out.data, compile_out.len, "status=%d time=%ld truncated=%d timeout=0 oom=0",
              c->compile_status != 0, now_ms() - c->job_given_ms, c->truncated);
        c->truncated = 0;
        if (c->compile_status == 0) program_started(c);
    }
    return i;
}

static void read_output(child_t *c, int *fd, int is_err) {
    char chunk[CHUNK];
    ssize_t n = read(*fd, chunk, sizeof chunk);
    if (n == 0 || (n < 0 && errno != EINTR && errno != EAGAIN)) {
        close_fd(fd);
        return;
    }
    if (n < 0) return;
    size_t at = 0, len = (size_t) n;
    if (c->kind == COMPILE) {
        keep_compile_output(c, chunk, len);
        return;
    }
    if (c->kind == WARM && is_err && !c->ready) at = warm_stderr(c, chunk, len);
    if (c->kind == WARM && !is_err && !c->header_done) at = warm_stdout(c, chunk, len);
    if (at == len) return;
    if (c->kind == WARM && !c->program_started) {
        keep_diag(chunk + at, len - at); /* the runner's own words, not the program's */
        return;
    }
    forward(c, is_err ? "err" : "out", chunk + at, len - at);
}

static void write_input(child_t *c) {
    if (c->pending.len > 0) {
        ssize_t w = write(c->in_fd, c->pending.data, c->pending.len);
        if (w > 0) buf_drop(&c->pending, (size_t) w);
        else if (w < 0 && errno != EAGAIN && errno != EINTR) c->pending.len = 0, close_fd(&c->in_fd); /* it stopped reading */
    }
    if (c->pending.len == 0 && c->close_stdin) close_fd(&c->in_fd);
}

/* ---------- the loop ---------- */

static void on_signal(void) {
    struct signalfd_siginfo info;
    while (read(sigfd, &info, sizeof info) == sizeof info) {
        if (info.ssi_signo == SIGCHLD) reap();
        else if (info.ssi_signo == SIGUSR1 || info.ssi_signo == SIGTERM) stop(); /* the worker: a limit, or cancel */
        /* SIGINT, SIGHUP, SIGQUIT: ignored, nobody but the engine can send them */
    }
}

/* A limit ends the run: its time stops here, not when the killed processes are reaped (a fork bomb
 * under gVisor takes seconds to die, and that is EDC's cleanup, not the program's time). */
static void time_out(child_t *c) {
    c->timed_out = 1;
    c->end_ms = now_ms();
    kill_all();
}

/* One round: waits for anything to happen (at most until the current deadline) and handles it. */
static void pump(void) {
    child_t *c = current;
    struct pollfd fds[6];
    int n = 0, at_worker = -1, at_sig, at_in = -1, at_out = -1, at_err = -1, at_report = -1;
    fds[n] = (struct pollfd){.fd = sigfd, .events = POLLIN};
    at_sig = n++;
    if (!worker_eof) {
        fds[n] = (struct pollfd){.fd = 0, .events = POLLIN};
        at_worker = n++;
    }
    if (c && c->in_fd >= 0 && (c->pending.len > 0 || c->close_stdin)) {
        fds[n] = (struct pollfd){.fd = c->in_fd, .events = POLLOUT};
        at_in = n++;
    }
    if (c && c->out_fd >= 0) {
        fds[n] = (struct pollfd){.fd = c->out_fd, .events = POLLIN};
        at_out = n++;
    }
    if (c && c->err_fd >= 0) {
        fds[n] = (struct pollfd){.fd = c->err_fd, .events = POLLIN};
        at_err = n++;
    }
    if (outq.len > 0) {
        fds[n] = (struct pollfd){.fd = 1, .events = POLLOUT};
        at_report = n++;
    }
    int timeout = -1;
    if (c && c->deadline_ms && c->pid > 0) {
        long left = c->deadline_ms - now_ms();
        timeout = left > 0 ? (int) (left < INT_MAX ? left : INT_MAX) : 0;
    }
    int cpu_limited = c && c->pid > 0 && c->cpu_base_ms >= 0 && job.cpu_time_ms > 0 && c->kind != COMPILE
                      && (c->kind == PROGRAM || c->program_started);
    if (cpu_limited && (timeout < 0 || timeout > 100)) timeout = 100; /* CPU time is looked at ten times a second */
    int ready = poll(fds, (nfds_t) n, timeout);
    if (ready < 0 && errno != EINTR) die("poll: %s", strerror(errno));
    if (c && c->deadline_ms && c->pid > 0 && now_ms() >= c->deadline_ms && !c->timed_out) time_out(c);
    if (cpu_limited && !c->timed_out && cpu_used_ms() - c->cpu_base_ms >= job.cpu_time_ms) time_out(c);
    if (ready <= 0) return;
    if (fds[at_sig].revents) on_signal();
    if (at_worker >= 0 && fds[at_worker].revents) read_worker();
    if (at_out >= 0 && fds[at_out].revents) read_output(c, &c->out_fd, 0);
    if (at_err >= 0 && fds[at_err].revents) read_output(c, &c->err_fd, 1);
    if (at_in >= 0 && fds[at_in].revents && c->in_fd >= 0) write_input(c);
    if (at_report >= 0 && fds[at_report].revents) flush_some();
}

static int child_done(child_t *c) {
    return c->pid == 0 && c->out_fd < 0 && c->err_fd < 0;
}

/* Runs the current child to its end: main process reaped, its pipes drained, nothing left running. */
static void finish(child_t *c) {
    while (!child_done(c)) pump();
    close_fd(&c->in_fd);
    reap_all();
}

/* ---------- files ---------- */

static void make_parents(const char *path) {
    char dir[PATH_MAX];
    snprintf(dir, sizeof dir, "%s", path);
    for (char *s = dir + 1; *s; s++) {
        if (*s == '/') {
            *s = '\0';
            mkdir(dir, 0755);
            *s = '/';
        }
    }
}

/* Writes the job's files under root as uid (in a child, so that they are uid's own). */
static void write_files(int uid, const char *root) {
    if (access(root, F_OK) != 0) return; /* no such mount: nothing runs from there */
    pid_t pid = fork();
    if (pid < 0) die("fork: %s", strerror(errno));
    if (pid == 0) {
        become(uid);
        umask(022);
        for (int i = 0; i < job.nfiles; i++) {
            char path[PATH_MAX];
            snprintf(path, sizeof path, "%s/%s", root, job.files[i].path);
            make_parents(path);
            int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
            if (fd < 0) _exit(1);
            const char *p = job.files[i].content.data ? job.files[i].content.data : "";
            size_t left = job.files[i].content.len;
            while (left > 0) {
                ssize_t w = write(fd, p, left);
                if (w <= 0) _exit(1);
                p += w;
                left -= (size_t) w;
            }
            close(fd);
        }
        _exit(0);
    }
    int status;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) die("could not write the program's files under %s", root);
}

/* ---------- runs ---------- */

static char **shell_argv(const char *command, char **args, int nargs) {
    char **argv = calloc((size_t) nargs + 5, sizeof *argv);
    argv[0] = "/bin/sh";
    argv[1] = "-c";
    argv[2] = (char *) command;
    argv[3] = "edc";
    for (int i = 0; i < nargs; i++) argv[4 + i] = args[i];
    return argv;
}

static void end_frame(child_t *c, long oom_before) {
    long ooms = oom_kills();
    int code = WIFEXITED(c->status) ? WEXITSTATUS(c->status) : 128 + (WIFSIGNALED(c->status) ? WTERMSIG(c->status) : 0);
    int sig = WIFSIGNALED(c->status) ? WTERMSIG(c->status) : 0;
    frame("end", NULL, 0, "case=%d exit=%d signal=%d time=%ld cpu=%ld rss=%ld oom=%ld timeout=%d truncated=%d stopped=%d",
          c->index, code, sig, (c->end_ms ? c->end_ms : now_ms()) - c->start_ms, c->cpu_us / 1000, c->maxrss_kb,
          ooms >= 0 && oom_before >= 0 ? ooms - oom_before : 0, c->timed_out, c->truncated, c->stopped);
}

static int compile_step(void) {
    child_t c = {.kind = COMPILE, .in_fd = -1, .close_stdin = 1};
    char *main_file = job.nfiles ? job.files[0].path : NULL;
    long oom_before = oom_kills();
    current = &c;
    spawn(&c, compile_uid, "/box", shell_argv(job.compile, NULL, 0), child_env(main_file), 1);
    c.deadline_ms = c.start_ms + job.compile_time_ms;
    finish(&c);
    current = NULL;
    long ooms = oom_kills();
    int failed = c.timed_out || c.stopped || !WIFEXITED(c.status) || WEXITSTATUS(c.status) != 0;
    frame("compile", compile_out.data, compile_out.len, "status=%d time=%ld truncated=%d timeout=%d oom=%ld exit=%d",
          failed, c.end_ms - c.start_ms, c.truncated, c.timed_out,
          ooms >= 0 && oom_before >= 0 ? ooms - oom_before : 0,
          WIFEXITED(c.status) ? WEXITSTATUS(c.status) : 128 + WTERMSIG(c.status));
    return !failed;
}

static void run_case(int index, buf_t *in, char **args, int nargs) {
    child_t c = {.kind = PROGRAM, .in_fd = -1, .index = index, .cap = job.output_cap};
    char *main_file = job.nfiles ? job.files[0].path : NULL;
    long oom_before = oom_kills();
    current = &c;
    buf_add(&c.pending, in->data ? in->data : "", in->len);
    c.close_stdin = !job.interactive || input_closed;
    frame("start", NULL, 0, "case=%d", index);
    c.cpu_base_ms = cpu_used_ms();
    spawn(&c, run_uid, "/tmp", shell_argv(job.run, args, nargs), child_env(main_file), 0);
    c.deadline_ms = c.start_ms + job.time_ms;
    finish(&c);
    current = NULL;
    end_frame(&c, oom_before);
    free(c.pending.data);
}

static void run_generic(void) {
    write_files(compile_uid, "/box");
    write_files(run_uid, "/tmp");
    if (job.compile && !compile_step()) return;
    if (!job.run) die("the job has no run command");
    if (job.ncases == 0) {
        if (stop_requested) cut_by_stop = 1;
        else run_case(0, &job.stdin, job.args, job.nargs);
        return;
    }
    for (int i = 0; i < job.ncases; i++) {
        if (stop_requested) {
            cut_by_stop = 1;
            return;
        }
        case_t *k = &job.cases[i];
        run_case(i, &k->stdin, k->own_args ? k->args : job.args, k->own_args ? k->nargs : job.nargs);
    }
}

/* The job, for a warm runner: "main", "arg"... records and "end", then the program's stdin. */
static void give_warm_job(child_t *c) {
    char head[MAX_HEADER];
    const char *main_file = job.nfiles ? job.files[0].path : "";
    int n = snprintf(head, sizeof head, "main %zu\n", strlen(main_file));
    buf_add(&c->pending, head, (size_t) n);
    buf_add(&c->pending, main_file, strlen(main_file));
    for (int i = 0; i < job.nargs; i++) {
        n = snprintf(head, sizeof head, "arg %zu\n", strlen(job.args[i]));
        buf_add(&c->pending, head, (size_t) n);
        buf_add(&c->pending, job.args[i], strlen(job.args[i]));
    }
    buf_add(&c->pending, "end 0\n", 6);
    buf_add(&c->pending, job.stdin.data ? job.stdin.data : "", job.stdin.len);
    c->close_stdin = !job.interactive || input_closed;
    c->job_given_ms = now_ms();
    c->deadline_ms = c->job_given_ms + job.compile_time_ms; /* until the program starts */
}

static void run_warm(child_t *w) {
    write_files(run_uid, "/tmp");
    long oom_before = oom_kills();
    w->cap = job.output_cap;
    give_warm_job(w);
    while (!child_done(w) && !w->program_started) pump();
    if (!w->program_started) {
        int timed_out = w->timed_out;
        finish(w);
        current = NULL;
        if (w->header_done) return; /* the compilation failed: reported, no program */
        if (timed_out) {
            frame("compile", compile_out.data, compile_out.len, "status=1 time=%ld truncated=%d timeout=1 oom=0",
                  now_ms() - w->job_given_ms, w->truncated);
            return;
        }
        if (w->stopped) return;
        die("the warm runner stopped before the program started (status %d): %.*s", w->status, (int) diag.len, diag.data ? diag.data : "");
    }
    finish(w);
    current = NULL;
    end_frame(w, oom_before);
}

static void setup_signals(void) {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGCHLD);
    sigaddset(&set, SIGUSR1);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGHUP);
    sigaddset(&set, SIGQUIT);
    sigprocmask(SIG_BLOCK, &set, NULL);
    sigfd = signalfd(-1, &set, SFD_NONBLOCK | SFD_CLOEXEC);
    if (sigfd < 0) die("signalfd: %s", strerror(errno));
    signal(SIGPIPE, SIG_IGN);
}

int main(int argc, char **argv) {
    extern char **environ;
    base_env = environ;
    char **warm_argv = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--uid") && i + 1 < argc) {
            compile_uid = atoi(argv[++i]);
            run_uid = compile_uid + 1;
        } else if (!strcmp(argv[i], "--warm") && i + 1 < argc) {
            warm_argv = &argv[i + 1];
            break;
        } else {
            die("usage: edc-init --uid <uid> [--warm <runner command...>]");
        }
    }
    if (geteuid() == 0 && compile_uid <= 0) die("edc-init: --uid is required when run as root");
    setup_signals();
    set_nonblocking(0);
    set_nonblocking(1);
    find_cgroup_files();

    child_t warm = {.kind = WARM, .in_fd = -1};
    if (warm_argv) {
        current = &warm;
        spawn(&warm, run_uid, "/tmp", warm_argv, child_env(NULL), 0);
    } else {
        frame("ready", NULL, 0, "memory=%ld", read_number(usage_file));
    }
    while (!job.complete && !stop_requested) {
        pump();
        if (warm_argv && child_done(&warm) && !job.complete) {
            /* the runner died while waiting: this container can only report it */
            current = NULL;
            reap_all();
            die("the warm runner exited while waiting for its job: %.*s", (int) diag.len, diag.data ? diag.data : "");
        }
    }
    if (!stop_requested) {
        if (warm_argv && !job.run) {
            run_warm(&warm);
        } else {
            if (warm_argv) {
                current = &warm;
                reap_all();
                current = NULL;
            }
            run_generic();
        }
    } else {
        cut_by_stop = 1; /* stopped before the job began */
        if (current) reap_all();
    }
    frame("exit", NULL, 0, "peak=%ld oom=%ld stopped=%d", read_number(peak_file), oom_kills(), cut_by_stop);
    flush_all();
    /* Nothing of the job runs any more. Stay until the worker lets go (closes stdin) as it removes
     * the container: the engine's work for a stopped container then comes at a quiet moment, not
     * beside the next job. */
    current = NULL;
    while (!worker_eof) pump();
    return 0;
}

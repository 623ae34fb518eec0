/* C workload for the seccomp profile check: pthreads, fork/exec, loopback TCP.
 * Prints "c: ok ...". */
#include <arpa/inet.h>
#include <pthread.h>
#include <stdio.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

static void *work(void *arg) { long s = 0; for (long i = 0; i < 1000000; i++) s += i ^ (long)arg; return (void *)s; }

int main(void) {
    pthread_t t[8]; long sum = 0; void *r;
    for (long i = 0; i < 8; i++) pthread_create(&t[i], 0, work, (void *)i);
    for (int i = 0; i < 8; i++) { pthread_join(t[i], &r); sum += (long)r; }
    int srv = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
    socklen_t len = sizeof a;
    bind(srv, (void *)&a, sizeof a); listen(srv, 1); getsockname(srv, (void *)&a, &len);
    int c = socket(AF_INET, SOCK_STREAM, 0);
    int ok = connect(c, (void *)&a, sizeof a) == 0;
    pid_t p = fork();
    if (p == 0) { execlp("true", "true", (char *)0); _exit(127); }
    int st; waitpid(p, &st, 0);
    printf("c: ok sum=%d tcp=%d child=%d\n", sum > 0, ok, WEXITSTATUS(st));
    return 0;
}

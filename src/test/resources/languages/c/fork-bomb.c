#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(void) {
    int children = 0;
    for (;;) {
        pid_t pid = fork();
        if (pid == 0) for (;;) {}
        if (pid < 0) {
            printf("fork failed after %d children: %s\n", children, strerror(errno));
            fflush(stdout);
            for (;;) {}
        }
        children++;
    }
}

#include <errno.h>
#include <stdio.h>
#include <string.h>

int main(void) {
    FILE *f = fopen("/etc/x", "w");
    if (f == NULL) {
        printf("/etc/x: %s\n", strerror(errno));
        return 1;
    }
    puts("written");
    return 0;
}

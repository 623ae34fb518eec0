#include <errno.h>
#include <stdio.h>
#include <string.h>

/* Files of 8 MB (under the 16 MB file size limit) until the disk is full. */
int main(void) {
    static char chunk[1 << 20];
    memset(chunk, 'x', sizeof chunk);
    int written = 0;
    for (int i = 0; i < 1000; i++) {
        char name[64];
        snprintf(name, sizeof name, "/tmp/fill%d", i);
        FILE *f = fopen(name, "wb");
        if (f == NULL) {
            printf("after %d MB: %s: %s\n", written, name, strerror(errno));
            return 1;
        }
        for (int j = 0; j < 8; j++) {
            if (fwrite(chunk, 1, sizeof chunk, f) != sizeof chunk || fflush(f) != 0) {
                printf("after %d MB: %s\n", written, strerror(errno));
                return 1;
            }
            written++;
        }
        fclose(f);
    }
    return 0;
}

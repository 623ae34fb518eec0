#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
    for (size_t mb = 8;; mb += 8) {
        char *p = (char *) malloc(8 << 20);
        if (p == NULL) {
            printf("malloc failed at %zu MB\n", mb);
            return 1;
        }
        memset(p, 1, 8 << 20);
        printf("%zu MB\n", mb);
        fflush(stdout);
    }
}

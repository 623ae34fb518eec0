#include <stdio.h>

int main(int argc, char **argv) {
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, stdin)) > 0) fwrite(buf, 1, n, stdout);
    for (int i = 1; i < argc; i++) puts(argv[i]);
    return 0;
}

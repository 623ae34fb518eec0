#include <assert.h>
#include <stdio.h>

int main(int argc, char **argv) {
    (void) argv;
    assert(argc == 42);
    return 0;
}

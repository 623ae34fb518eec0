#include <stdio.h>
#include "util.h"

int main(void) {
    printf("%s\n", greeting());
    printf("%d\n", twice(21));
    return 0;
}

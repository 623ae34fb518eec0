#include "util.h"

const char *greeting(void) { return "Hello from multi"; }

int twice(int n) { return 2 * n; }

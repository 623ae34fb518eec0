#ifndef UTIL_H
#define UTIL_H

const char *greeting(void);
int twice(int n);

#endif

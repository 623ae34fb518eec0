#include <stdio.h>
int main(void){puts("c: hello");return 0;}

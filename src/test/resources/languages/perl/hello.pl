use strict;
use warnings;

print "Hello, World!\n";
printf "%vd\n", $^V;

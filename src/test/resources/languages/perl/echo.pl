use strict;
use warnings;

binmode STDIN;
binmode STDOUT;
local $/;
print scalar(<STDIN>) // '';
print "$_\n" for @ARGV;

use strict;
use warnings;

# Files of 8 MB (under the 16 MB file size limit) until the disk is full.
my $chunk = "x" x (1 << 20);
my $written = 0;
for my $i (0 .. 999) {
    open(my $f, '>', "/tmp/fill$i") or do { print "after $written MB: $!\n"; exit 1 };
    binmode $f;
    for (1 .. 8) {
        unless (print {$f} $chunk and $f->flush) {
            print "after $written MB: $!\n";
            exit 1;
        }
        $written++;
    }
    close $f;
}

$| = 1;
my $children = 0;
while (1) {
    my $pid = fork();
    if (!defined $pid) {
        print "fork failed after $children children: $!\n";
        1 while 1;
    }
    if ($pid == 0) { 1 while 1 }
    $children++;
}

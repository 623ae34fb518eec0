if (open(my $f, '>', '/etc/x')) {
    print "written\n";
} else {
    print "/etc/x: $!\n";
}

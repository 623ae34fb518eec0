$| = 1;
my @blocks;
while (1) {
    push @blocks, "\x01" x (8 << 20);
    print scalar(@blocks) * 8, " MB\n";
}

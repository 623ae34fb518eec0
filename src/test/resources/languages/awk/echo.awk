# stdin as it is ("-": never the arguments, which awk would open as files), then each argument on a
# line of its own.
BEGIN {
    while ((getline line < "-") > 0) print line
    for (i = 1; i < ARGC; i++) print ARGV[i]
    exit
}

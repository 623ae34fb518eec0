BEGIN {
    printf "x" > "/etc/x"
    if (close("/etc/x") == 0) print "written"
}

BEGIN {
    print "Hello, World!"
    print PROCINFO["version"]
}

BEGIN { while (1) print "flood flood flood flood flood flood flood flood flood flood" }

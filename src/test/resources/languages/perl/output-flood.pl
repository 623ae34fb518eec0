print "flood flood flood flood flood flood flood flood flood flood\n" while 1;

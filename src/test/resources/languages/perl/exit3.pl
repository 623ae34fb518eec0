print "bye\n";
exit 3;

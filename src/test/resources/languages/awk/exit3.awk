BEGIN { print "bye"; exit 3 }

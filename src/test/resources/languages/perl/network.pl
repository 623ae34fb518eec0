use strict;
use warnings;
use IO::Socket::INET;

my $socket = IO::Socket::INET->new(PeerAddr => '127.0.0.1', PeerPort => 9, Proto => 'tcp', Timeout => 3);
if ($socket) {
    print "connected\n";
} else {
    print "127.0.0.1:9: $@\n";
}

<?php
$socket = @fsockopen("127.0.0.1", 9, $errno, $errstr, 3);
if ($socket === false) {
    echo "127.0.0.1:9: $errstr\n";
} else {
    echo "connected\n";
}

<?php
fwrite(STDOUT, stream_get_contents(STDIN));
foreach (array_slice($argv, 1) as $arg) {
    echo $arg, "\n";
}

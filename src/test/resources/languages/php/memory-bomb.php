<?php
// PHP's own memory_limit (128M in the CLI's php.ini) stops this before the container's limit.
$blocks = [];
while (true) {
    $blocks[] = str_repeat("\x01", 8 << 20);
    echo count($blocks) * 8, " MB\n";
}

<?php
// Files of 8 MB (under the 16 MB file size limit) until the disk is full.
$chunk = str_repeat("x", 1 << 20);
$written = 0;
for ($i = 0; $i < 1000; $i++) {
    $f = fopen("/tmp/fill$i", "wb");
    for ($j = 0; $j < 8; $j++) {
        if (fwrite($f, $chunk) !== strlen($chunk) || !fflush($f)) {
            echo "after $written MB: ", error_get_last()['message'] ?? 'write failed', "\n";
            exit(1);
        }
        $written++;
    }
    fclose($f);
}

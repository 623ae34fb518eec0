<?php echo "php: hello " . strlen(file_get_contents("/etc/hostname")) . "\n";

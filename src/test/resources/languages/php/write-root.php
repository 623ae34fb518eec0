<?php
if (@file_put_contents("/etc/x", "x") === false) {
    echo "/etc/x: ", error_get_last()['message'], "\n";
} else {
    echo "written\n";
}

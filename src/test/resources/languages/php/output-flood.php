<?php
while (true) {
    echo "flood flood flood flood flood flood flood flood flood flood\n";
}

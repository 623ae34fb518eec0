<?php
echo "Hello, World!\n";
echo PHP_VERSION, "\n";

<?php
// PHP workload for the seccomp profile check (run with opcache and the JIT on): loops, arrays,
// loopback sockets, proc_open, files. Prints "php: ok ...".
$s = 0; for ($i = 0; $i < 2000000; $i++) { $s += $i ^ 3; }
$a = []; for ($i = 0; $i < 100000; $i++) { $a[] = str_repeat('x', $i % 50); }
$srv = stream_socket_server('tcp://127.0.0.1:0');
$name = stream_socket_get_name($srv, false);
$c = stream_socket_client('tcp://' . $name); $sc = stream_socket_accept($srv); fwrite($c, 'ping'); $got = fread($sc, 4);
$p = proc_open(['true'], [], $pipes); $rc = proc_close($p);
$f = tempnam('/tmp', 'w'); file_put_contents($f, 'x'); unlink($f);
$oc = function_exists('opcache_get_status') ? opcache_get_status(false) : false;
echo "php: ok " . PHP_VERSION . " sum=" . ($s > 0 ? 'true' : 'false') . " tcp=$got child=$rc opcache=" .
  ($oc && $oc['opcache_enabled'] ? 'on' : 'off') . " jit=" . ($oc && !empty($oc['jit']['on']) ? 'on' : 'off') . "\n";

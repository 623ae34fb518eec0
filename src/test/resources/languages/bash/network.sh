# bash's own /dev/tcp
if exec 3<>/dev/tcp/127.0.0.1/9; then
  echo connected
else
  echo "127.0.0.1:9: refused"
fi

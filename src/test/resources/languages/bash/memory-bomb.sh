s=x
while :; do
  s="$s$s"
  echo "${#s} bytes"
done

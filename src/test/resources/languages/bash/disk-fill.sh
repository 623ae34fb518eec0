# Files of 8 MB (under the 16 MB file size limit) until the disk is full.
for i in $(seq 0 999); do
  if ! head -c 8388608 /dev/zero > "/tmp/fill$i"; then
    echo "disk full at file $i"
    exit 1
  fi
done

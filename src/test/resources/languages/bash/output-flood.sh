while :; do echo "flood flood flood flood flood flood flood flood flood flood"; done

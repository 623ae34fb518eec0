// Spins forever: only the wall-clock limit can stop it.
for (;;) { }

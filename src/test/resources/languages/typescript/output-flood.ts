for (;;) console.log("flood flood flood flood flood flood flood flood flood flood");

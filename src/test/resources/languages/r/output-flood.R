repeat cat("flood flood flood flood flood flood flood flood flood flood\n")

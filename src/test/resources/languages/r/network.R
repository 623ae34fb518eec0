tryCatch({
  con <- socketConnection("127.0.0.1", 9, timeout = 3)
  cat("connected\n")
}, warning = function(w) cat("127.0.0.1:9:", conditionMessage(w), "\n"),
   error = function(e) cat("127.0.0.1:9:", conditionMessage(e), "\n"))

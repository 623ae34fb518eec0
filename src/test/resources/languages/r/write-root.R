tryCatch({
  writeLines("x", "/etc/x")
  cat("written\n")
}, warning = function(w) cat("/etc/x:", conditionMessage(w), "\n"),
   error = function(e) cat("/etc/x:", conditionMessage(e), "\n"))

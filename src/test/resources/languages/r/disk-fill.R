# Files of 8 MB (under the 16 MB file size limit) until the disk is full.
chunk <- rep(charToRaw("x"), 2^20)
written <- 0
tryCatch({
  for (i in 0:999) {
    f <- file(paste0("/tmp/fill", i), "wb")
    for (j in 1:8) {
      writeBin(chunk, f)
      flush(f)
      written <- written + 1
    }
    close(f)
  }
}, warning = function(w) cat("after", written, "MB:", conditionMessage(w), "\n"),
   error = function(e) cat("after", written, "MB:", conditionMessage(e), "\n"))

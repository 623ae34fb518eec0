cat("Hello, World!\n")
cat(R.version$major, ".", R.version$minor, "\n", sep = "")

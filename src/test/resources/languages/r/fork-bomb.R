children <- 0
repeat {
  status <- system("sleep 60", wait = FALSE)
  if (status != 0) {
    cat("system failed after", children, "children\n")
    repeat NULL
  }
  children <- children + 1
}

blocks <- list()
repeat {
  blocks[[length(blocks) + 1]] <- rep(as.raw(1), 8 * 2^20)
  cat(length(blocks) * 8, "MB\n")
}

(print (slurp *in*))
(doseq [arg *command-line-args*]
  (println arg))
(flush)

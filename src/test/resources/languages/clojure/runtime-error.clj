(println (/ 1 (count *command-line-args*)))

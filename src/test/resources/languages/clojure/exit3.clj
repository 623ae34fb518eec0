(println "bye")
(flush)
(System/exit 3)

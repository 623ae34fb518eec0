(println "Hello, World!")
(println (clojure-version))

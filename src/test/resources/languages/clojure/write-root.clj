(try
  (spit "/etc/x" "x")
  (println "written")
  (catch Exception e
    (println "/etc/x:" (str e))))

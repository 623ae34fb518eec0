(while true
  (println "flood flood flood flood flood flood flood flood flood flood"))

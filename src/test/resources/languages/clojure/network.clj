(try
  (with-open [s (java.net.Socket.)]
    (.connect s (java.net.InetSocketAddress. "127.0.0.1" 9) 3000)
    (println "connected"))
  (catch Exception e
    (println "127.0.0.1:9:" (str e))))

(loop [children []]
  (let [child (try
                (.start (ProcessBuilder. ["sleep" "60"]))
                (catch Exception e
                  (println "start failed after" (count children) "children:" (.getMessage e))
                  (flush)
                  (while true (Thread/onSpinWait))))]
    (recur (conj children child))))

;; Files of 8 MB (under the 16 MB file size limit) until the disk is full.
(let [chunk (byte-array (* 1024 1024) (byte 120))
      written (atom 0)]
  (try
    (dotimes [i 1000]
      (with-open [out (java.io.FileOutputStream. (str "/tmp/fill" i))]
        (dotimes [_ 8]
          (.write out chunk)
          (swap! written inc))))
    (catch java.io.IOException e
      (println "after" @written "MB:" (.getMessage e)))))

(loop [blocks []]
  (let [blocks (conj blocks (byte-array (* 8 1024 1024) (byte 1)))]
    (println (* 8 (count blocks)) "MB")
    (recur blocks)))

;; Run at image build time to train Clojure's class-data sharing archive.
(ns sample
  (:require [clojure.string :as str]
            [clojure.set :as set]))

(defn primes [n]
  (let [sieve (boolean-array (inc n) true)]
    (doseq [i (range 2 (inc n)) :when (aget sieve i) j (range (* i i) (inc n) i)]
      (aset sieve j false))
    (filter #(aget sieve %) (range 2 (inc n)))))

(defrecord Point [x y])
(defprotocol Shape (area [s]))
(extend-protocol Shape Point (area [_] 0))

(let [words (str/split "the quick brown fox jumps over the lazy dog" #" ")
      freq (frequencies words)
      line (read-line)]
  (println (str/join "," (take 5 (primes 100))) (count freq) (area (->Point 1 2)) line)
  (println (set/union #{1 2} #{3}) (reduce + (map inc (range 10))) (format "%.2f" 3.14159))
  (println (with-out-str (prn {:a [1 2] :b "x"})) (sort-by val > freq) (:x (->Point 1 2))))

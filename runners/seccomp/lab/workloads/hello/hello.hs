main = putStrLn "ghc: hello"

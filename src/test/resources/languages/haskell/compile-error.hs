main :: IO ()
main = putStrLn undefinedVariable

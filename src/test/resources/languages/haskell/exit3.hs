import System.Exit

main :: IO ()
main = do
  putStrLn "bye"
  exitWith (ExitFailure 3)

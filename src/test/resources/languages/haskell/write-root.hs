import Control.Exception

main :: IO ()
main = do
  r <- try (writeFile "/etc/x" "x")
  case r of
    Left e -> putStrLn ("/etc/x: " ++ show (e :: IOException))
    Right () -> putStrLn "written"

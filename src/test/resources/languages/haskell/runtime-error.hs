import System.Environment (getArgs)

main :: IO ()
main = do
  args <- getArgs
  print (1 `div` length args)

import System.Environment (getArgs)

main :: IO ()
main = do
  getContents >>= putStr
  getArgs >>= mapM_ putStrLn

import Data.Version (showVersion)
import System.Info (fullCompilerVersion)

main :: IO ()
main = do
  putStrLn "Hello, World!"
  putStrLn (showVersion fullCompilerVersion)

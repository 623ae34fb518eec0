import Control.Monad (forever)

main :: IO ()
main = forever (putStrLn "flood flood flood flood flood flood flood flood flood flood")

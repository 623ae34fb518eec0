-- GHC workload for the seccomp profile check (built -threaded): forkIO threads, MVars, GC,
-- a child process through the RTS's timer. Prints "ghc: ok ...".
import Control.Concurrent
import Control.Monad
import System.Process (readProcessWithExitCode)
import System.Exit

main :: IO ()
main = do
  vs <- forM [1 .. 8 :: Int] $ \k -> do
    v <- newEmptyMVar
    _ <- forkIO $ putMVar v $! sum [i * k | i <- [1 .. 200000 :: Int]]
    return v
  s <- sum <$> mapM takeMVar vs
  (code, _, _) <- readProcessWithExitCode "true" [] ""
  threadDelay 10000
  putStrLn $ "ghc: ok sum=" ++ show (s > 0) ++ " child=" ++ show (code == ExitSuccess)

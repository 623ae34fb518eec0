import Control.Exception
import qualified Data.ByteString as B
import Data.IORef
import System.IO

-- Files of 8 MB (under the 16 MB file size limit) until the disk is full.
main :: IO ()
main = do
  written <- newIORef (0 :: Int)
  let chunk = B.replicate (1024 * 1024) 120
  r <- try $ mapM_ (\i -> withBinaryFile ("/tmp/fill" ++ show i) WriteMode $ \h ->
         mapM_ (\_ -> B.hPut h chunk >> hFlush h >> modifyIORef written (+ 1)) [1 .. 8 :: Int]) [0 .. 999 :: Int]
  case r of
    Left e -> do
      n <- readIORef written
      putStrLn ("after " ++ show n ++ " MB: " ++ show (e :: IOException))
    Right () -> putStrLn "no error"

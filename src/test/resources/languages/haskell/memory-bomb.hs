import Control.Exception (evaluate)
import qualified Data.ByteString as B

-- Every block stays reachable (the checksum reads them all), so none can be collected.
main :: IO ()
main = go [] 1
  where
    go :: [B.ByteString] -> Int -> IO ()
    go blocks n = do
      block <- evaluate (B.replicate (8 * 1024 * 1024) (fromIntegral n))
      let kept = block : blocks
          checksum = sum (map (fromIntegral . B.last) kept) :: Int
      putStrLn (show (n * 8) ++ " MB, checksum " ++ show checksum)
      go kept (n + 1)

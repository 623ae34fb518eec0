import qualified Data.ByteString as B

main :: IO ()
main = go [] 1
  where
    go blocks n = do
      let block = B.replicate (8 * 1024 * 1024) (fromIntegral n)
      B.length block `seq` putStrLn (show (n * 8) ++ " MB")
      go (block : blocks) (n + 1 :: Int)

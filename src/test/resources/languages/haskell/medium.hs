-- A ~150-line Haskell program (compile-time measurement): data types, type classes, Maybe/Either,
-- Data.Map, folds, list comprehensions, records.
module Main (main) where

import Data.Char (isAlpha, isDigit, isSpace)
import Data.List (foldl', sortBy)
import qualified Data.Map.Strict as Map
import Data.Ord (comparing, Down (..))
import Text.Printf (printf)

data Expr
  = Num Double
  | Var String
  | Bin Char Expr Expr
  deriving (Show, Eq)

newtype Parser a = Parser {runParser :: String -> Either String (a, String)}

instance Functor Parser where
  fmap f (Parser p) = Parser $ \s -> case p s of
    Left e -> Left e
    Right (a, rest) -> Right (f a, rest)

instance Applicative Parser where
  pure a = Parser $ \s -> Right (a, s)
  Parser pf <*> Parser pa = Parser $ \s -> case pf s of
    Left e -> Left e
    Right (f, rest) -> case pa rest of
      Left e -> Left e
      Right (a, rest') -> Right (f a, rest')

instance Monad Parser where
  Parser p >>= f = Parser $ \s -> case p s of
    Left e -> Left e
    Right (a, rest) -> runParser (f a) rest

failP :: String -> Parser a
failP msg = Parser $ \s -> Left (msg ++ " at " ++ show (take 5 s))

peek :: Parser (Maybe Char)
peek = Parser $ \s -> let s' = dropWhile isSpace s in Right (case s' of [] -> Nothing; (c : _) -> Just c, s')

item :: Parser Char
item = Parser $ \s -> case dropWhile isSpace s of
  [] -> Left "unexpected end"
  (c : cs) -> Right (c, cs)

spanP :: (Char -> Bool) -> Parser String
spanP f = Parser $ \s -> Right (span f (dropWhile isSpace s))

expr :: Parser Expr
expr = term >>= rest
  where
    rest left = do
      c <- peek
      case c of
        Just op | op `elem` "+-" -> item >> term >>= rest . Bin op left
        _ -> pure left

term :: Parser Expr
term = factor >>= rest
  where
    rest left = do
      c <- peek
      case c of
        Just op | op `elem` "*/" -> item >> factor >>= rest . Bin op left
        _ -> pure left

factor :: Parser Expr
factor = do
  c <- peek
  case c of
    Just '(' -> do
      _ <- item
      e <- expr
      close <- item
      if close == ')' then pure e else failP "missing )"
    Just d | isDigit d -> Num . read <$> spanP (\x -> isDigit x || x == '.')
    Just a | isAlpha a -> Var <$> spanP isAlpha
    _ -> failP "unexpected input"

parseExpr :: String -> Either String Expr
parseExpr s = case runParser expr s of
  Left e -> Left e
  Right (e, rest) | all isSpace rest -> Right e
  Right (_, rest) -> Left ("trailing input " ++ show rest)

eval :: Map.Map String Double -> Expr -> Either String Double
eval _ (Num n) = Right n
eval env (Var v) = maybe (Left ("unknown variable " ++ v)) Right (Map.lookup v env)
eval env (Bin op l r) = do
  a <- eval env l
  b <- eval env r
  case op of
    '+' -> Right (a + b)
    '-' -> Right (a - b)
    '*' -> Right (a * b)
    _ -> if b == 0 then Left "division by zero" else Right (a / b)

showExpr :: Expr -> String
showExpr (Num n) = show n
showExpr (Var v) = v
showExpr (Bin op l r) = "(" ++ showExpr l ++ " " ++ [op] ++ " " ++ showExpr r ++ ")"

class Summary a where
  summary :: a -> String

data Stats = Stats {count :: Int, mean :: Double, deviation :: Double}

instance Summary Stats where
  summary s = printf "n=%d mean=%.2f sd=%.2f" (count s) (mean s) (deviation s)

stats :: [Int] -> Stats
stats xs = Stats n m (sqrt var)
  where
    n = length xs
    m = fromIntegral (sum xs) / fromIntegral n
    var = sum [(fromIntegral x - m) ^ (2 :: Int) | x <- xs] / fromIntegral n

primes :: Int -> [Int]
primes limit = sieve [2 .. limit]
  where
    sieve (p : xs) = p : sieve [x | x <- xs, x `mod` p /= 0]
    sieve [] = []

main :: IO ()
main = do
  let env = Map.fromList [("x", 3), ("y", 4)]
  mapM_
    ( \src -> putStrLn $ case parseExpr src of
        Left err -> src ++ ": " ++ err
        Right e -> showExpr e ++ " = " ++ either id show (eval env e)
    )
    ["1 + 2 * 3", "(x + y) * 2", "x * x + y * y", "z + 1", "10 / (x - 3)"]
  let ps = primes 1000
  putStrLn (summary (stats ps))
  let counts = foldl' (\m w -> Map.insertWith (+) w (1 :: Int) m) Map.empty (words "the quick brown fox jumps over the lazy dog the dog sleeps")
  print (take 3 (sortBy (comparing (\(w, n) -> (Down n, w))) (Map.toList counts)))

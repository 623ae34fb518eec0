// A ~200-line Rust program (compile-time measurement): enums, traits, generics, iterators,
// collections, error handling, closures, threads.
use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::thread;

#[derive(Debug, Clone)]
enum Expr {
    Num(f64),
    Var(String),
    Bin(char, Box<Expr>, Box<Expr>),
}

#[derive(Debug)]
enum EvalError {
    UnknownVariable(String),
    DivisionByZero,
}

impl fmt::Display for EvalError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            EvalError::UnknownVariable(v) => write!(f, "unknown variable {}", v),
            EvalError::DivisionByZero => write!(f, "division by zero"),
        }
    }
}

impl fmt::Display for Expr {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            Expr::Num(n) => write!(f, "{}", n),
            Expr::Var(v) => write!(f, "{}", v),
            Expr::Bin(op, l, r) => write!(f, "({} {} {})", l, op, r),
        }
    }
}

impl Expr {
    fn eval(&self, env: &HashMap<String, f64>) -> Result<f64, EvalError> {
        Ok(match self {
            Expr::Num(n) => *n,
            Expr::Var(v) => *env.get(v).ok_or_else(|| EvalError::UnknownVariable(v.clone()))?,
            Expr::Bin(op, l, r) => {
                let (a, b) = (l.eval(env)?, r.eval(env)?);
                match op {
                    '+' => a + b,
                    '-' => a - b,
                    '*' => a * b,
                    _ => {
                        if b == 0.0 {
                            return Err(EvalError::DivisionByZero);
                        }
                        a / b
                    }
                }
            }
        })
    }
}

struct Parser<'a> {
    chars: std::iter::Peekable<std::str::Chars<'a>>,
}

impl<'a> Parser<'a> {
    fn new(text: &'a str) -> Self {
        Parser { chars: text.chars().peekable() }
    }

    fn peek(&mut self) -> Option<char> {
        while self.chars.peek() == Some(&' ') {
            self.chars.next();
        }
        self.chars.peek().copied()
    }

    fn expr(&mut self) -> Result<Expr, String> {
        let mut left = self.term()?;
        while let Some(op @ ('+' | '-')) = self.peek() {
            self.chars.next();
            left = Expr::Bin(op, Box::new(left), Box::new(self.term()?));
        }
        Ok(left)
    }

    fn term(&mut self) -> Result<Expr, String> {
        let mut left = self.factor()?;
        while let Some(op @ ('*' | '/')) = self.peek() {
            self.chars.next();
            left = Expr::Bin(op, Box::new(left), Box::new(self.factor()?));
        }
        Ok(left)
    }

    fn factor(&mut self) -> Result<Expr, String> {
        match self.peek() {
            Some('(') => {
                self.chars.next();
                let e = self.expr()?;
                if self.peek() != Some(')') {
                    return Err("missing )".into());
                }
                self.chars.next();
                Ok(e)
            }
            Some(c) if c.is_ascii_digit() => {
                let mut s = String::new();
                while let Some(&c) = self.chars.peek() {
                    if !(c.is_ascii_digit() || c == '.') {
                        break;
                    }
                    s.push(c);
                    self.chars.next();
                }
                s.parse().map(Expr::Num).map_err(|e| format!("{}", e))
            }
            Some(c) if c.is_alphabetic() => {
                let mut s = String::new();
                while let Some(&c) = self.chars.peek() {
                    if !c.is_alphabetic() {
                        break;
                    }
                    s.push(c);
                    self.chars.next();
                }
                Ok(Expr::Var(s))
            }
            other => Err(format!("unexpected {:?}", other)),
        }
    }
}

trait Stats {
    fn mean(&self) -> f64;
    fn deviation(&self) -> f64;
}

impl<T: Copy + Into<f64>> Stats for [T] {
    fn mean(&self) -> f64 {
        self.iter().map(|&x| x.into()).sum::<f64>() / self.len() as f64
    }
    fn deviation(&self) -> f64 {
        let m = self.mean();
        (self.iter().map(|&x| (x.into() - m).powi(2)).sum::<f64>() / self.len() as f64).sqrt()
    }
}

fn primes(limit: usize) -> Vec<u32> {
    let mut composite = vec![false; limit + 1];
    let mut out = Vec::new();
    for i in 2..=limit {
        if !composite[i] {
            out.push(i as u32);
            (i * i..=limit).step_by(i).for_each(|j| composite[j] = true);
        }
    }
    out
}

fn main() {
    let env: HashMap<String, f64> = [("x".to_string(), 3.0), ("y".to_string(), 4.0)].into_iter().collect();
    for src in ["1 + 2 * 3", "(x + y) * 2", "x * x + y * y", "10 / (x - 3)", "z + 1", "1 + * 2"] {
        match Parser::new(src).expr() {
            Ok(e) => match e.eval(&env) {
                Ok(v) => println!("{} = {}", e, v),
                Err(err) => println!("{}: {}", e, err),
            },
            Err(err) => println!("parse error: {}", err),
        }
    }
    let ps = primes(1000);
    println!("primes: {} mean {:.2} sd {:.2}", ps.len(), ps.mean(), ps.deviation());
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for w in "the quick brown fox jumps over the lazy dog the dog sleeps".split_whitespace() {
        *counts.entry(w).or_default() += 1;
    }
    let mut sorted: Vec<_> = counts.into_iter().collect();
    sorted.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    println!("{:?}", &sorted[..3]);
    let by_len: BTreeMap<usize, Vec<&str>> = sorted.iter().fold(BTreeMap::new(), |mut m, (w, _)| {
        m.entry(w.len()).or_insert_with(Vec::new).push(*w);
        m
    });
    println!("{:?}", by_len);
    let chunks: Vec<Vec<u32>> = ps.chunks(ps.len() / 4 + 1).map(|c| c.to_vec()).collect();
    let handles: Vec<_> = chunks.into_iter().map(|c| thread::spawn(move || c.iter().map(|&x| x as u64).sum::<u64>())).collect();
    let total: u64 = handles.into_iter().map(|h| h.join().unwrap()).sum();
    println!("parallel sum: {}", total);
}

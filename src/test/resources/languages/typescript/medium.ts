// A ~200-line TypeScript program (compile-time measurement): types, generics, classes,
// discriminated unions, maps, iterators, async/await.
type Expr =
  | { kind: "num"; value: number }
  | { kind: "var"; name: string }
  | { kind: "bin"; op: "+" | "-" | "*" | "/"; left: Expr; right: Expr };

class ParseError extends Error {
  constructor(message: string, readonly position: number) {
    super(`${message} at ${position}`);
  }
}

class Parser {
  private pos = 0;

  constructor(private readonly text: string) {}

  parse(): Expr {
    const e = this.expr();
    if (this.peek() !== undefined) throw new ParseError("trailing input", this.pos);
    return e;
  }

  private peek(): string | undefined {
    while (this.text[this.pos] === " ") this.pos++;
    return this.text[this.pos];
  }

  private expr(): Expr {
    let left = this.term();
    for (let c = this.peek(); c === "+" || c === "-"; c = this.peek()) {
      this.pos++;
      left = { kind: "bin", op: c, left, right: this.term() };
    }
    return left;
  }

  private term(): Expr {
    let left = this.factor();
    for (let c = this.peek(); c === "*" || c === "/"; c = this.peek()) {
      this.pos++;
      left = { kind: "bin", op: c, left, right: this.factor() };
    }
    return left;
  }

  private factor(): Expr {
    const c = this.peek();
    if (c === "(") {
      this.pos++;
      const e = this.expr();
      if (this.peek() !== ")") throw new ParseError("missing )", this.pos);
      this.pos++;
      return e;
    }
    const num = /^\d+(\.\d+)?/.exec(this.text.slice(this.pos));
    if (num) {
      this.pos += num[0].length;
      return { kind: "num", value: Number(num[0]) };
    }
    const name = /^[a-z]+/i.exec(this.text.slice(this.pos));
    if (name) {
      this.pos += name[0].length;
      return { kind: "var", name: name[0] };
    }
    throw new ParseError(`unexpected ${JSON.stringify(c)}`, this.pos);
  }
}

function evaluate(e: Expr, env: ReadonlyMap<string, number>): number {
  switch (e.kind) {
    case "num":
      return e.value;
    case "var": {
      const v = env.get(e.name);
      if (v === undefined) throw new Error(`unknown variable ${e.name}`);
      return v;
    }
    case "bin": {
      const l = evaluate(e.left, env);
      const r = evaluate(e.right, env);
      switch (e.op) {
        case "+":
          return l + r;
        case "-":
          return l - r;
        case "*":
          return l * r;
        case "/":
          return l / r;
      }
    }
  }
}

function show(e: Expr): string {
  return e.kind === "num" ? String(e.value) : e.kind === "var" ? e.name : `(${show(e.left)} ${e.op} ${show(e.right)})`;
}

interface Stats {
  count: number;
  mean: number;
  deviation: number;
}

function stats(values: readonly number[]): Stats {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length;
  return { count: values.length, mean, deviation: Math.sqrt(variance) };
}

function* primes(limit: number): Generator<number> {
  const composite = new Uint8Array(limit + 1);
  for (let i = 2; i <= limit; i++) {
    if (composite[i]) continue;
    yield i;
    for (let j = i * i; j <= limit; j += i) composite[j] = 1;
  }
}

function groupBy<T, K>(items: Iterable<T>, key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

class Counter<T> {
  private readonly counts = new Map<T, number>();

  add(item: T): this {
    this.counts.set(item, (this.counts.get(item) ?? 0) + 1);
    return this;
  }

  top(n: number): Array<[T, number]> {
    return [...this.counts.entries()].sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0]))).slice(0, n);
  }
}

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function main(): Promise<void> {
  const env = new Map<string, number>([
    ["x", 3],
    ["y", 4],
  ]);
  for (const src of ["1 + 2 * 3", "(x + y) * 2", "x * x + y * y", "z + 1", "1 + * 2"]) {
    try {
      const e = new Parser(src).parse();
      console.log(`${show(e)} = ${evaluate(e, env)}`);
    } catch (err) {
      console.log(`${src}: ${(err as Error).message}`);
    }
  }
  const ps = [...primes(1000)];
  const s = stats(ps);
  console.log(`primes: ${s.count} mean ${s.mean.toFixed(2)} sd ${s.deviation.toFixed(2)}`);
  const byLastDigit = groupBy(ps, (p) => p % 10);
  console.log([...byLastDigit.entries()].map(([d, g]) => `${d}:${g.length}`).join(" "));
  const counter = new Counter<string>();
  "the quick brown fox jumps over the lazy dog the dog sleeps".split(" ").forEach((w) => counter.add(w));
  console.log(counter.top(3));
  const results = await Promise.all([1, 2, 3].map(async (n) => {
    await delay(n);
    return n * n;
  }));
  console.log(`async: ${results.join(",")}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});

// A ~200-line C# program (compile-time measurement): classes, interfaces, generics, LINQ,
// lambdas, exceptions, collections.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

abstract class Expr
{
    public abstract double Eval(IDictionary<string, double> env);
}

class Num : Expr
{
    public readonly double Value;
    public Num(double value) { Value = value; }
    public override double Eval(IDictionary<string, double> env) { return Value; }
    public override string ToString() { return Value.ToString(); }
}

class Var : Expr
{
    public readonly string Name;
    public Var(string name) { Name = name; }
    public override double Eval(IDictionary<string, double> env)
    {
        double v;
        if (!env.TryGetValue(Name, out v)) throw new KeyNotFoundException("unknown variable " + Name);
        return v;
    }
    public override string ToString() { return Name; }
}

class Bin : Expr
{
    public readonly char Op;
    public readonly Expr Left, Right;
    public Bin(char op, Expr left, Expr right) { Op = op; Left = left; Right = right; }
    public override double Eval(IDictionary<string, double> env)
    {
        double l = Left.Eval(env), r = Right.Eval(env);
        switch (Op)
        {
            case '+': return l + r;
            case '-': return l - r;
            case '*': return l * r;
            default: return l / r;
        }
    }
    public override string ToString() { return "(" + Left + " " + Op + " " + Right + ")"; }
}

class ParseException : Exception
{
    public ParseException(string message) : base(message) { }
}

class Parser
{
    private readonly string text;
    private int pos;

    public Parser(string text) { this.text = text; }

    private char Peek()
    {
        while (pos < text.Length && text[pos] == ' ') pos++;
        return pos < text.Length ? text[pos] : '\0';
    }

    public Expr Parse()
    {
        var e = ParseExpr();
        if (Peek() != '\0') throw new ParseException("trailing input at " + pos);
        return e;
    }

    private Expr ParseExpr()
    {
        var left = Term();
        while (Peek() == '+' || Peek() == '-')
        {
            char op = text[pos++];
            left = new Bin(op, left, Term());
        }
        return left;
    }

    private Expr Term()
    {
        var left = Factor();
        while (Peek() == '*' || Peek() == '/')
        {
            char op = text[pos++];
            left = new Bin(op, left, Factor());
        }
        return left;
    }

    private Expr Factor()
    {
        char c = Peek();
        if (c == '(')
        {
            pos++;
            var e = ParseExpr();
            if (Peek() != ')') throw new ParseException("missing ) at " + pos);
            pos++;
            return e;
        }
        int start = pos;
        if (char.IsDigit(c))
        {
            while (pos < text.Length && (char.IsDigit(text[pos]) || text[pos] == '.')) pos++;
            return new Num(double.Parse(text.Substring(start, pos - start), System.Globalization.CultureInfo.InvariantCulture));
        }
        if (char.IsLetter(c))
        {
            while (pos < text.Length && char.IsLetter(text[pos])) pos++;
            return new Var(text.Substring(start, pos - start));
        }
        throw new ParseException("unexpected '" + c + "' at " + pos);
    }
}

static class Extensions
{
    public static double StdDev(this IEnumerable<int> values)
    {
        var list = values.ToList();
        double mean = list.Average();
        return Math.Sqrt(list.Sum(v => (v - mean) * (v - mean)) / list.Count);
    }

    public static Dictionary<TKey, int> CountBy<T, TKey>(this IEnumerable<T> items, Func<T, TKey> key)
    {
        var counts = new Dictionary<TKey, int>();
        foreach (var item in items)
        {
            var k = key(item);
            int n;
            counts.TryGetValue(k, out n);
            counts[k] = n + 1;
        }
        return counts;
    }
}

class Program
{
    static IEnumerable<int> Primes(int limit)
    {
        var composite = new bool[limit + 1];
        for (int i = 2; i <= limit; i++)
        {
            if (composite[i]) continue;
            yield return i;
            for (long j = (long) i * i; j <= limit; j += i) composite[j] = true;
        }
    }

    static void Main(string[] args)
    {
        var env = new Dictionary<string, double> { { "x", 3 }, { "y", 4 } };
        foreach (var src in new[] { "1 + 2 * 3", "(x + y) * 2", "x * x + y * y", "z + 1", "1 + * 2" })
        {
            try
            {
                var e = new Parser(src).Parse();
                Console.WriteLine(e + " = " + e.Eval(env));
            }
            catch (Exception ex)
            {
                Console.WriteLine(src + ": " + ex.Message);
            }
        }
        var ps = Primes(1000).ToList();
        Console.WriteLine("primes: {0} mean {1:F2} sd {2:F2}", ps.Count, ps.Average(), ps.StdDev());
        var words = "the quick brown fox jumps over the lazy dog the dog sleeps".Split(' ');
        var top = words.CountBy(w => w).OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).Take(3);
        Console.WriteLine(string.Join(", ", top.Select(kv => kv.Key + "=" + kv.Value)));
        var byLength = words.Distinct().GroupBy(w => w.Length).OrderBy(g => g.Key);
        var sb = new StringBuilder();
        foreach (var g in byLength) sb.Append(g.Key).Append(':').Append(string.Join(",", g.OrderBy(w => w))).Append(' ');
        Console.WriteLine(sb.ToString().Trim());
    }
}

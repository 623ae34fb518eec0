// A ~200-line Java program (compile-time measurement): records, sealed interfaces, pattern
// matching, generics, streams, collections.
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

public class Main {
    sealed interface Expr permits Num, Var, Bin {}

    record Num(double value) implements Expr {}

    record Var(String name) implements Expr {}

    record Bin(char op, Expr left, Expr right) implements Expr {}

    static final class ParseException extends RuntimeException {
        ParseException(String message) {
            super(message);
        }
    }

    static final class Parser {
        private final String text;
        private int pos;

        Parser(String text) {
            this.text = text;
        }

        char peek() {
            while (pos < text.length() && text.charAt(pos) == ' ') pos++;
            return pos < text.length() ? text.charAt(pos) : '\0';
        }

        Expr parse() {
            Expr e = expr();
            if (peek() != '\0') throw new ParseException("trailing input at " + pos);
            return e;
        }

        Expr expr() {
            Expr left = term();
            while (peek() == '+' || peek() == '-') {
                char op = text.charAt(pos++);
                left = new Bin(op, left, term());
            }
            return left;
        }

        Expr term() {
            Expr left = factor();
            while (peek() == '*' || peek() == '/') {
                char op = text.charAt(pos++);
                left = new Bin(op, left, factor());
            }
            return left;
        }

        Expr factor() {
            char c = peek();
            if (c == '(') {
                pos++;
                Expr e = expr();
                if (peek() != ')') throw new ParseException("missing ) at " + pos);
                pos++;
                return e;
            }
            int start = pos;
            if (Character.isDigit(c)) {
                while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) pos++;
                return new Num(Double.parseDouble(text.substring(start, pos)));
            }
            if (Character.isLetter(c)) {
                while (pos < text.length() && Character.isLetter(text.charAt(pos))) pos++;
                return new Var(text.substring(start, pos));
            }
            throw new ParseException("unexpected '" + c + "' at " + pos);
        }
    }

    static double eval(Expr e, Map<String, Double> env) {
        return switch (e) {
            case Num n -> n.value();
            case Var v -> {
                Double x = env.get(v.name());
                if (x == null) throw new IllegalArgumentException("unknown variable " + v.name());
                yield x;
            }
            case Bin(char op, Expr l, Expr r) -> switch (op) {
                case '+' -> eval(l, env) + eval(r, env);
                case '-' -> eval(l, env) - eval(r, env);
                case '*' -> eval(l, env) * eval(r, env);
                default -> eval(l, env) / eval(r, env);
            };
        };
    }

    static String show(Expr e) {
        return switch (e) {
            case Num n -> String.valueOf(n.value());
            case Var v -> v.name();
            case Bin b -> "(" + show(b.left()) + " " + b.op() + " " + show(b.right()) + ")";
        };
    }

    record Stats(long count, double mean, double deviation) {}

    static Stats stats(List<Integer> values) {
        double mean = values.stream().mapToInt(Integer::intValue).average().orElse(0);
        double variance = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / values.size();
        return new Stats(values.size(), mean, Math.sqrt(variance));
    }

    static List<Integer> primes(int limit) {
        boolean[] composite = new boolean[limit + 1];
        List<Integer> out = new ArrayList<>();
        for (int i = 2; i <= limit; i++) {
            if (composite[i]) continue;
            out.add(i);
            for (long j = (long) i * i; j <= limit; j += i) composite[(int) j] = true;
        }
        return out;
    }

    static <T, K> Map<K, Long> countBy(List<T> items, Function<T, K> key) {
        Map<K, Long> counts = new HashMap<>();
        for (T item : items) counts.merge(key.apply(item), 1L, Long::sum);
        return counts;
    }

    public static void main(String[] args) {
        Map<String, Double> env = Map.of("x", 3.0, "y", 4.0);
        for (String src : List.of("1 + 2 * 3", "(x + y) * 2", "x * x + y * y", "z + 1", "1 + * 2")) {
            try {
                Expr e = new Parser(src).parse();
                System.out.println(show(e) + " = " + eval(e, env));
            } catch (RuntimeException ex) {
                System.out.println(src + ": " + ex.getMessage());
            }
        }
        List<Integer> ps = primes(1000);
        Stats s = stats(ps);
        System.out.printf("primes: %d mean %.2f sd %.2f%n", s.count(), s.mean(), s.deviation());
        List<String> words = List.of("the quick brown fox jumps over the lazy dog the dog sleeps".split(" "));
        String top = countBy(words, w -> w).entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(3)
                .map(en -> en.getKey() + "=" + en.getValue())
                .collect(Collectors.joining(", "));
        System.out.println(top);
        TreeMap<Integer, List<String>> byLength = words.stream().distinct()
                .collect(Collectors.groupingBy(String::length, TreeMap::new, Collectors.toList()));
        byLength.forEach((len, ws) -> System.out.println(len + ": " + ws.stream().sorted().toList()));
        int squares = IntStream.rangeClosed(1, 10).map(i -> i * i).sum();
        System.out.println("sum of squares: " + squares);
        System.out.println(ps.stream().max(Comparator.naturalOrder()).orElseThrow());
    }
}

// A ~200-line Kotlin program: used at image build time to train the compiler's class-data sharing
// archive (and copied as the kotlin fixture medium.kt to measure a compile).
import kotlin.math.sqrt

sealed class Expr {
    data class Num(val value: Double) : Expr()
    data class Var(val name: String) : Expr()
    data class Bin(val op: Char, val left: Expr, val right: Expr) : Expr()
    data class Call(val name: String, val args: List<Expr>) : Expr()
}

class ParseError(message: String) : Exception(message)

class Parser(private val text: String) {
    private var pos = 0

    fun parse(): Expr {
        val e = expr()
        skip()
        if (pos != text.length) throw ParseError("unexpected '${text[pos]}' at $pos")
        return e
    }

    private fun skip() {
        while (pos < text.length && text[pos].isWhitespace()) pos++
    }

    private fun expr(): Expr {
        var left = term()
        while (true) {
            skip()
            val c = text.getOrNull(pos) ?: return left
            if (c != '+' && c != '-') return left
            pos++
            left = Expr.Bin(c, left, term())
        }
    }

    private fun term(): Expr {
        var left = factor()
        while (true) {
            skip()
            val c = text.getOrNull(pos) ?: return left
            if (c != '*' && c != '/') return left
            pos++
            left = Expr.Bin(c, left, factor())
        }
    }

    private fun factor(): Expr {
        skip()
        val c = text.getOrNull(pos) ?: throw ParseError("unexpected end")
        return when {
            c == '(' -> {
                pos++
                val e = expr()
                skip()
                if (text.getOrNull(pos) != ')') throw ParseError("missing ) at $pos")
                pos++
                e
            }
            c.isDigit() -> {
                val start = pos
                while (pos < text.length && (text[pos].isDigit() || text[pos] == '.')) pos++
                Expr.Num(text.substring(start, pos).toDouble())
            }
            c.isLetter() -> {
                val start = pos
                while (pos < text.length && text[pos].isLetterOrDigit()) pos++
                val name = text.substring(start, pos)
                skip()
                if (text.getOrNull(pos) == '(') {
                    pos++
                    val args = mutableListOf<Expr>()
                    skip()
                    if (text.getOrNull(pos) != ')') {
                        do {
                            args += expr()
                            skip()
                        } while (text.getOrNull(pos) == ',' && pos++ >= 0)
                    }
                    if (text.getOrNull(pos) != ')') throw ParseError("missing ) after arguments")
                    pos++
                    Expr.Call(name, args)
                } else {
                    Expr.Var(name)
                }
            }
            c == '-' -> {
                pos++
                Expr.Bin('-', Expr.Num(0.0), factor())
            }
            else -> throw ParseError("unexpected '$c' at $pos")
        }
    }
}

interface Scope {
    fun lookup(name: String): Double?
}

class MapScope(private val values: Map<String, Double>) : Scope {
    override fun lookup(name: String) = values[name]
}

val functions: Map<String, (List<Double>) -> Double> = mapOf(
    "sqrt" to { a -> sqrt(a[0]) },
    "max" to { a -> a.maxOrNull() ?: 0.0 },
    "min" to { a -> a.minOrNull() ?: 0.0 },
    "sum" to { a -> a.sum() },
    "avg" to { a -> if (a.isEmpty()) 0.0 else a.average() },
)

fun Expr.eval(scope: Scope): Double = when (this) {
    is Expr.Num -> value
    is Expr.Var -> scope.lookup(name) ?: error("unknown variable $name")
    is Expr.Bin -> {
        val l = left.eval(scope)
        val r = right.eval(scope)
        when (op) {
            '+' -> l + r
            '-' -> l - r
            '*' -> l * r
            '/' -> l / r
            else -> error("bad operator $op")
        }
    }
    is Expr.Call -> {
        val f = functions[name] ?: error("unknown function $name")
        f(args.map { it.eval(scope) })
    }
}

fun Expr.show(): String = when (this) {
    is Expr.Num -> if (value == Math.floor(value)) value.toLong().toString() else value.toString()
    is Expr.Var -> name
    is Expr.Bin -> "(${left.show()} $op ${right.show()})"
    is Expr.Call -> "$name(${args.joinToString(", ") { it.show() }})"
}

fun <T> Iterable<T>.frequencies(): Map<T, Int> = groupingBy { it }.eachCount()

data class Stats(val count: Int, val mean: Double, val deviation: Double) {
    override fun toString() = "n=$count mean=${"%.3f".format(mean)} sd=${"%.3f".format(deviation)}"
}

fun stats(values: List<Double>): Stats {
    val mean = values.average()
    val variance = values.sumOf { (it - mean) * (it - mean) } / values.size
    return Stats(values.size, mean, sqrt(variance))
}

fun primes(limit: Int): List<Int> {
    val sieve = BooleanArray(limit + 1) { it >= 2 }
    for (i in 2..limit) {
        if (!sieve[i]) continue
        var j = i * i
        while (j <= limit) {
            sieve[j] = false
            j += i
        }
    }
    return sieve.indices.filter { sieve[it] }
}

enum class Color { RED, GREEN, BLUE }

fun main(args: Array<String>) {
    val scope = MapScope(mapOf("x" to 3.0, "y" to 4.0, "pi" to Math.PI))
    val sources = listOf("1 + 2 * 3", "sqrt(x * x + y * y)", "max(1, x, y) - min(2, 7)", "avg(1, 2, 3, 4) / (2 - 1)", "-(x + 1)")
    for (s in sources) {
        val e = Parser(s).parse()
        println("${e.show()} = ${e.eval(scope)}")
    }
    try {
        Parser("1 + * 2").parse()
    } catch (e: ParseError) {
        println("error: ${e.message}")
    }
    val ps = primes(100)
    println("primes: ${ps.size}, last ${ps.last()}, sum ${ps.sum()}")
    println(stats(ps.map { it.toDouble() }))
    val words = "the quick brown fox jumps over the lazy dog the end".split(" ")
    println(words.frequencies().entries.sortedByDescending { it.value }.take(3))
    val byColor = (1..12).groupBy { Color.entries[it % 3] }
    for ((color, values) in byColor) println("$color -> ${values.joinToString()}")
    val memo = HashMap<Int, Long>()
    fun fib(n: Int): Long = if (n < 2) n.toLong() else memo.getOrPut(n) { fib(n - 1) + fib(n - 2) }
    println("fib(80) = ${fib(80)}")
    val seq = generateSequence(1) { it * 3 }.takeWhile { it < 1000 }.toList()
    println("powers of 3: $seq")
    println("args: ${args.toList()}")
}

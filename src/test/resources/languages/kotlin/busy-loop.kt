fun main() {
    var i = 0L
    while (true) {
        i++
        if (i == Long.MIN_VALUE) println(i)
    }
}

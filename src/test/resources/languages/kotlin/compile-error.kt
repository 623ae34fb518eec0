fun main() {
    println(undefinedVariable)
}

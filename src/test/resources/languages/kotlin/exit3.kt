import kotlin.system.exitProcess

fun main() {
    println("bye")
    exitProcess(3)
}

import java.io.File

fun main() {
    try {
        File("/etc/x").writeText("x")
        println("written")
    } catch (e: Exception) {
        println("/etc/x: $e")
    }
}

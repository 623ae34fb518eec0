import java.net.InetSocketAddress
import java.net.Socket

fun main() {
    try {
        Socket().use { it.connect(InetSocketAddress("127.0.0.1", 9), 3000) }
        println("connected")
    } catch (e: Exception) {
        println("127.0.0.1:9: $e")
    }
}

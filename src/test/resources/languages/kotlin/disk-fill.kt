import java.io.FileOutputStream
import java.io.IOException

// Files of 8 MB (under the 16 MB file size limit) until the disk is full.
fun main() {
    val chunk = ByteArray(1 shl 20) { 'x'.code.toByte() }
    var written = 0
    try {
        for (i in 0 until 1000) {
            FileOutputStream("/tmp/fill$i").use { out ->
                repeat(8) {
                    out.write(chunk)
                    written++
                }
            }
        }
    } catch (e: IOException) {
        println("after $written MB: ${e.message}")
    }
}

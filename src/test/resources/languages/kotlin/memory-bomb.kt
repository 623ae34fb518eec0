fun main() {
    val blocks = ArrayList<ByteArray>()
    while (true) {
        blocks.add(ByteArray(8 shl 20) { 1 })
        println("${blocks.size * 8} MB")
    }
}

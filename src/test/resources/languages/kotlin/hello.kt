fun main() {
    println("Hello, World!")
    println(KotlinVersion.CURRENT)
}

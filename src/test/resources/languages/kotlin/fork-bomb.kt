fun main() {
    val children = ArrayList<Process>()
    while (true) {
        try {
            children.add(ProcessBuilder("sleep", "60").start())
        } catch (e: Exception) {
            println("start failed after ${children.size} children: ${e.message}")
            while (true) Thread.onSpinWait()
        }
    }
}

fun main(args: Array<String>) {
    System.out.write(System.`in`.readBytes())
    System.out.flush()
    for (arg in args) println(arg)
}

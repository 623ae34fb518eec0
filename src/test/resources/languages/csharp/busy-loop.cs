class Program
{
    static void Main()
    {
        long i = 0;
        while (true) { i++; if (i == long.MinValue) System.Console.WriteLine(i); }
    }
}

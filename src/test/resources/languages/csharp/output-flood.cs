class Program
{
    static void Main()
    {
        while (true) System.Console.WriteLine("flood flood flood flood flood flood flood flood flood flood");
    }
}

using System;

class Program
{
    static int Main()
    {
        Console.WriteLine("bye");
        return 3;
    }
}

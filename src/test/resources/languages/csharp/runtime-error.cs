using System;

class Program
{
    static void Main(string[] args)
    {
        Console.WriteLine(1 / args.Length);
    }
}

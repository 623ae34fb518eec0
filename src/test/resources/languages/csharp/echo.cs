using System;
using System.IO;

class Program
{
    static void Main(string[] args)
    {
        using (var stdin = Console.OpenStandardInput())
        using (var stdout = Console.OpenStandardOutput())
        {
            stdin.CopyTo(stdout);
        }
        foreach (var arg in args) Console.WriteLine(arg);
    }
}

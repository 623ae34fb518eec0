using System;
using System.IO;

class Program
{
    static void Main()
    {
        try
        {
            File.WriteAllText("/etc/x", "x");
            Console.WriteLine("written");
        }
        catch (Exception e)
        {
            Console.WriteLine("/etc/x: " + e.Message);
        }
    }
}

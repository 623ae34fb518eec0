using System;
using System.Reflection;

class Program
{
    static void Main()
    {
        Console.WriteLine("Hello, World!");
        // "6.12.0.199 (tarball ...)": the Mono runtime's own version.
        var mono = Type.GetType("Mono.Runtime");
        var name = mono.GetMethod("GetDisplayName", BindingFlags.NonPublic | BindingFlags.Static);
        Console.WriteLine(((string) name.Invoke(null, null)).Split(' ')[0]);
    }
}

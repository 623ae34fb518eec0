using System;
using System.Collections.Generic;
using System.Diagnostics;

class Program
{
    static void Main()
    {
        var children = new List<Process>();
        while (true)
        {
            try
            {
                children.Add(Process.Start(new ProcessStartInfo("sleep", "60") { UseShellExecute = false }));
            }
            catch (Exception e)
            {
                Console.WriteLine("start failed after " + children.Count + " children: " + e.Message);
                while (true) { }
            }
        }
    }
}

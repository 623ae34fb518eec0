using System;
using System.IO;

// Files of 8 MB (under the 16 MB file size limit) until the disk is full.
class Program
{
    static void Main()
    {
        var chunk = new byte[1 << 20];
        int written = 0;
        try
        {
            for (int i = 0; i < 1000; i++)
            {
                using (var f = new FileStream("/tmp/fill" + i, FileMode.Create))
                {
                    for (int j = 0; j < 8; j++)
                    {
                        f.Write(chunk, 0, chunk.Length);
                        f.Flush();
                        written++;
                    }
                }
            }
        }
        catch (IOException e)
        {
            Console.WriteLine("after " + written + " MB: " + e.Message);
        }
    }
}

using System;
using System.Net.Sockets;

class Program
{
    static void Main()
    {
        try
        {
            using (var client = new TcpClient())
            {
                client.Connect("127.0.0.1", 9);
                Console.WriteLine("connected");
            }
        }
        catch (Exception e)
        {
            Console.WriteLine("127.0.0.1:9: " + e.Message);
        }
    }
}

// Mono workload for the seccomp profile check: threads, tasks, GC, loopback TCP, a child
// process. Prints "mono: ok ...".
using System;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;

class Work {
    static void Main() {
        long sum = Enumerable.Range(0, 8).AsParallel().Select(k => Enumerable.Range(0, 1000000).Sum(i => (long)(i ^ k))).Sum();
        var junk = new object[100000]; for (int i = 0; i < junk.Length; i++) junk[i] = new byte[100];
        GC.Collect();
        var l = new TcpListener(IPAddress.Loopback, 0); l.Start();
        int port = ((IPEndPoint)l.LocalEndpoint).Port;
        var t = Task.Run(() => { var s = l.AcceptSocket(); s.Send(new byte[] { 42 }); s.Close(); });
        var c = new TcpClient(); c.Connect(IPAddress.Loopback, port);
        int b = c.GetStream().ReadByte(); t.Wait(); l.Stop();
        var p = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("true") { UseShellExecute = false });
        p.WaitForExit();
        Console.WriteLine("mono: ok sum=" + (sum > 0) + " tcp=" + b + " child=" + p.ExitCode);
    }
}

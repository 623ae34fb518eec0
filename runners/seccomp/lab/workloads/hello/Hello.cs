class Hello { static void Main() { System.Console.WriteLine("mono: hello " + System.Threading.Tasks.Task.Run(() => 1).Result); } }

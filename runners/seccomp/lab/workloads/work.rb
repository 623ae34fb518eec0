# Ruby workload for the seccomp profile check: threads, fibers, loopback TCP, fork/spawn, GC,
# fiddle (libffi). Prints "ruby: ok ...".
require 'socket'
require 'fiddle'
t = (1..8).map { |k| Thread.new { (1..200_000).sum { |i| i ^ k } } }.sum(&:value)
f = Fiber.new { Fiber.yield 1; 2 }
fib = f.resume + f.resume
srv = TCPServer.new('127.0.0.1', 0)
c = TCPSocket.new('127.0.0.1', srv.addr[1]); s = srv.accept; c.write('ping'); got = s.read(4)
[c, s, srv].each(&:close)
pid = fork { exit!(0) }; Process.wait(pid)
sp = system('true')
GC.start
libc = Fiddle.dlopen(nil)
getpid = Fiddle::Function.new(libc['getpid'], [], Fiddle::TYPE_INT)
cl = Class.new(Fiddle::Closure) { def call(x) x + 1 end }.new(Fiddle::TYPE_INT, [Fiddle::TYPE_INT])
cb = Fiddle::Function.new(cl, [Fiddle::TYPE_INT], Fiddle::TYPE_INT).call(41)
puts "ruby: ok #{RUBY_VERSION} threads=#{t > 0} fiber=#{fib} tcp=#{got} fork=#{$?.success?} spawn=#{sp} ffi=#{getpid.call == Process.pid} closure=#{cb} yjit=#{defined?(RubyVM::YJIT) && RubyVM::YJIT.enabled?}"

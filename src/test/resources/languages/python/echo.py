import sys

sys.stdout.buffer.write(sys.stdin.buffer.read())
for arg in sys.argv[1:]:
    print(arg)

from pkg import greet
from pkg.mod import double

print(greet("multi"))
print(double(21))

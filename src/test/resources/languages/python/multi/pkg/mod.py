def greet(name):
    return "Hello from " + name


def double(n):
    return 2 * n

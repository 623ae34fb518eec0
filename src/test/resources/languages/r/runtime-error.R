x <- undefined_function(42)
print(x)

while True:
    print("flood " * 10)

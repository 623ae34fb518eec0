import os

children = 0
while True:
    try:
        if os.fork() == 0:
            while True:
                pass
        children += 1
    except OSError as e:
        print("fork failed after", children, "children:", e, flush=True)
        break
while True:
    pass

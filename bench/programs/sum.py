# Reads a line of integers and prints their sum: the test-case program of the grader rows.
print(sum(map(int, input().split())))

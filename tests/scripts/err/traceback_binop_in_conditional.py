# ZeroDivisionError inside a conditional expression: carets under the division.
x = 10
y = 0
print(x / y if x else 0)

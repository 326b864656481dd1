# sys.stdout.write returns the number of characters written and adds no newline.
import sys
w = sys.stdout.write
n1 = w("héllo")
n2 = w(" wörld 😀\n")
print(n1, n2)
sys.stdout.write("a" + "b" * 3 + "\n")
for i in range(3):
    sys.stdout.write(f"{i},")
sys.stdout.write("\n")
sys.stdout.flush()
try:
    sys.stdout.write(5)
except TypeError as e:
    print(e)
print("end", file=sys.stdout)

# Script-to-script calls run on the VM's own frame stack: with a raised recursion limit a
# 100k-deep mutual recursion completes without touching the native stack.
import sys
sys.setrecursionlimit(250000)
def is_even(n):
    return True if n == 0 else is_odd(n - 1)
def is_odd(n):
    return False if n == 0 else is_even(n - 1)
print(is_even(100000), is_odd(100001))
def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)
print(depth(120000))
sys.setrecursionlimit(1000)
try:
    depth(5000)
except RecursionError:
    print("limit restored")

# The exit status keeps the low 8 bits of sys.exit's code, as the OS does for CPython.
import sys

print("exiting")
sys.exit(256 + 7)

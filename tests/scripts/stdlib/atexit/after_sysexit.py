import atexit
import sys

atexit.register(print, "cleanup after SystemExit")
atexit.register(sys.stdout.write, "written by a bound method\n")
print("exiting with 3")
sys.exit(3)

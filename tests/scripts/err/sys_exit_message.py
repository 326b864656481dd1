# sys.exit("message"): the message goes to stderr and the status is 1.
import sys
print("fatal condition detected")
sys.exit("error: configuration file is missing")

import argparse
import os

os.environ["COLUMNS"] = "80"
print("before parsing")
parser = argparse.ArgumentParser(prog="calc")
parser.add_argument("x", type=int)
parser.add_argument("--op", choices=["add", "mul"], required=True)
args = parser.parse_args(["3", "--op", "div"])
print("never printed", args)

import argparse
import os
import sys

os.environ["COLUMNS"] = "80"


def attempt(parser, args):
    """Parses args; reports what SystemExit / stderr said instead of exiting."""
    import io
    err, out = io.StringIO(), io.StringIO()
    old_err, old_out = sys.stderr, sys.stdout
    sys.stderr, sys.stdout = err, out
    try:
        ns = parser.parse_args(args)
    except SystemExit as e:
        sys.stderr, sys.stdout = old_err, old_out
        print("exit", e.code)
        print("stdout:", out.getvalue(), end="")
        print("stderr:", err.getvalue(), end="")
        return None
    sys.stderr, sys.stdout = old_err, old_out
    print(ns)
    return ns


p = argparse.ArgumentParser(prog="tool", description="A small tool that does things.",
                            epilog="See the docs for more.")
p.add_argument("src", help="source file")
p.add_argument("dst", nargs="?", default="out.txt", help="destination (default: %(default)s)")
p.add_argument("-n", "--count", type=int, default=1, help="how many times")
p.add_argument("-v", "--verbose", action="count", default=0, help="more output")
p.add_argument("--mode", choices=["fast", "slow"], default="fast")
p.add_argument("-q", action="store_true", help="quiet")
p.add_argument("--no-color", dest="color", action="store_false")
p.add_argument("--tag", action="append", help="add a tag")
p.add_argument("--const", action="store_const", const=42)
p.add_argument("--pair", nargs=2, metavar=("K", "V"))
p.add_argument("--files", nargs="*")
p.add_argument("--version", action="version", version="%(prog)s 1.2")

attempt(p, ["a.txt"])
attempt(p, ["a.txt", "b.txt", "-n", "3", "-vvv", "--mode=slow", "-q", "--no-color"])
attempt(p, ["--tag", "x", "a", "--tag=y", "--const", "--pair", "k", "v", "--files", "f1", "f2"])
attempt(p, ["a", "-n5", "--cou", "7"])
attempt(p, [])
attempt(p, ["a", "-n", "x"])
attempt(p, ["a", "--mode", "medium"])
attempt(p, ["a", "b", "c"])
attempt(p, ["a", "--bogus"])
attempt(p, ["a", "-n"])
attempt(p, ["a", "--pair", "x"])
attempt(p, ["a", "-q=1"])
attempt(p, ["--version"])
attempt(p, ["-h"])
attempt(p, ["a", "--", "-b"])
attempt(p, ["a", "-n", "-2"])

g = argparse.ArgumentParser(prog="grp")
ex = g.add_mutually_exclusive_group(required=True)
ex.add_argument("--json", action="store_true")
ex.add_argument("--xml", action="store_true")
g.add_argument("items", nargs="+", type=int)
attempt(g, ["--json", "1", "2"])
attempt(g, ["--json", "--xml", "1"])
attempt(g, ["1"])
attempt(g, ["--xml"])
attempt(g, ["--help"])

ns, rest = g.parse_known_args(["--xml", "5", "--other", "x"])
print(ns, rest)
print(argparse.Namespace(b=2, a=1), argparse.Namespace(a=1) == argparse.Namespace(a=1))
print("a" in argparse.Namespace(a=1))

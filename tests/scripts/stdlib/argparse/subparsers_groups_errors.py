import argparse
import io
import os
import sys

os.environ["COLUMNS"] = "80"


def attempt(parser, args):
    err, out = io.StringIO(), io.StringIO()
    old = sys.stderr, sys.stdout
    sys.stderr, sys.stdout = err, out
    try:
        ns = parser.parse_args(args)
    except SystemExit as e:
        sys.stderr, sys.stdout = old
        print("exit", e.code)
        print("[stdout]", out.getvalue(), end="")
        print("[stderr]", err.getvalue(), end="")
        return None
    sys.stderr, sys.stdout = old
    print(ns)
    return ns


p = argparse.ArgumentParser(prog="git")
p.add_argument("--debug", action="store_true")
sub = p.add_subparsers(dest="cmd", help="sub-command help")
c = sub.add_parser("commit", help="record changes")
c.add_argument("-m", "--message", required=True)
c.add_argument("--amend", action="store_true")
c.set_defaults(func="do_commit")
pu = sub.add_parser("push", help="update remote", aliases=["up"])
pu.add_argument("remote", nargs="?", default="origin")
pu.add_argument("branches", nargs="*")

attempt(p, ["commit", "-m", "msg"])
attempt(p, ["--debug", "push", "upstream", "main", "dev"])
attempt(p, ["up"])
attempt(p, [])
attempt(p, ["pull"])
attempt(p, ["commit"])
attempt(p, ["commit", "-m", "x", "--bad"])
attempt(p, ["-h"])
attempt(p, ["commit", "-h"])
attempt(p, ["push", "--help"])

r = argparse.ArgumentParser(prog="req")
rs = r.add_subparsers(dest="action", required=True, title="actions", description="what to do")
rs.add_parser("start")
rs.add_parser("stop")
attempt(r, [])
attempt(r, ["stop"])
attempt(r, ["-h"])

# argument groups, metavar, defaults, type functions, parents
def positive(text):
    value = int(text)
    if value <= 0:
        raise argparse.ArgumentTypeError("%r is not positive" % text)
    return value


parent = argparse.ArgumentParser(add_help=False)
parent.add_argument("--config", metavar="PATH", help="config file")
q = argparse.ArgumentParser(prog="srv", parents=[parent],
                            formatter_class=argparse.ArgumentDefaultsHelpFormatter)
net = q.add_argument_group("network", "Network settings.")
net.add_argument("--port", type=positive, default=8080, help="port to listen on")
net.add_argument("--host", default="localhost", help="interface")
q.add_argument("--ratio", type=float, default=0.5, help="a ratio")
q.add_argument("--level", type=int, choices=range(1, 4), default=2, help="level")
q.set_defaults(extra="yes")
attempt(q, [])
attempt(q, ["--port", "0"])
attempt(q, ["--port", "abc"])
attempt(q, ["--ratio", "x"])
attempt(q, ["--level", "7"])
attempt(q, ["--config", "c.ini", "--port=9", "--ratio", "2.5", "--level", "3"])
attempt(q, ["--help"])
print(q.get_default("port"), q.get_default("extra"))

# errors at definition time
for kwargs in ({"nargs": 0}, {"action": "nonsense"}, {"const": 1}):
    try:
        argparse.ArgumentParser().add_argument("--x", **kwargs)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    argparse.ArgumentParser().add_argument("pos", required=True)
except TypeError as e:
    print("TypeError", e)
d = argparse.ArgumentParser()
d.add_argument("--dup")
try:
    d.add_argument("--dup")
except argparse.ArgumentError as e:
    print("ArgumentError", e)

# exit_on_error=False raises instead
n = argparse.ArgumentParser(exit_on_error=False)
n.add_argument("--num", type=int)
try:
    n.parse_args(["--num", "x"])
except argparse.ArgumentError as e:
    print("ArgumentError", e)

b = argparse.ArgumentParser(prog="bool")
b.add_argument("--feature", action=argparse.BooleanOptionalAction, default=True, help="toggle")
b.add_argument("--add", action="extend", nargs="+", type=int)
b.add_argument("--flag", action="append_const", const="F", dest="flags")
attempt(b, ["--no-feature", "--add", "1", "2", "--add", "3", "--flag", "--flag"])
attempt(b, ["-h"])

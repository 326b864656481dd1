import getopt
print(getopt.getopt(["-a", "-b", "val", "-cfoo", "x", "-d"], "ab:c:d"))
print(getopt.getopt(["--alpha", "--beta=1", "--gam", "2", "--", "-a"], "a", ["alpha", "beta=", "gamma="]))
print(getopt.getopt("-a1 -b --long=x rest".split(), "a:b", "long="))
print(getopt.gnu_getopt(["x", "-a", "y", "--long", "z", "-", "w"], "a", ["long"]))
print(getopt.gnu_getopt(["x", "-a", "y"], "+a"))
print(getopt.getopt(["-abc"], "abc"), getopt.getopt([], "a"), getopt.getopt(["-"], "a"))
for args, s, l in ((["-x"], "a", []), (["-a"], "a:", []), (["--foo"], "", ["bar"]), (["--al"], "", ["alpha", "also"]),
                   (["--alpha=3"], "", ["alpha"]), (["--beta"], "", ["beta="])):
    try:
        getopt.getopt(args, s, l)
    except getopt.GetoptError as e:
        print(repr(e.msg), repr(e.opt), str(e), e.args, type(e) is getopt.error)
print(getopt.getopt(["--al=2"], "", ["alpha="]), getopt.getopt(["--alpha"], "", ["alpha", "alphabet"]))

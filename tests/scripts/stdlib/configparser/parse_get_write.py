import configparser, io
text = """
[DEFAULT]
ServerAliveInterval = 45
Compression = yes
CompressionLevel = 9
home = /home/%(user)s

[bitbucket.org]
User = hg
path: %(home)s/repo
multi = first line
   second line

   fourth after blank
# comment
; other comment

[topsecret.server.com]
Port = 50022
ForwardX11 = no
pct = 100%%
"""
cp = configparser.ConfigParser(defaults={"user": "bob"})
cp.read_string(text)
print(cp.sections(), cp.defaults())
print(cp["bitbucket.org"]["user"], cp.get("bitbucket.org", "path"), repr(cp["bitbucket.org"]["multi"]))
print(cp.getint("topsecret.server.com", "port"), cp.getboolean("topsecret.server.com", "forwardx11"), cp.getboolean("bitbucket.org", "compression"), cp.getfloat("DEFAULT", "compressionlevel"))
print(cp.get("topsecret.server.com", "pct"), cp.get("topsecret.server.com", "pct", raw=True), cp.get("x", "y", fallback="fb"), cp.get("bitbucket.org", "nope", fallback=None))
print(list(cp), len(cp), "bitbucket.org" in cp, "nope" in cp, list(cp["bitbucket.org"]), cp.options("topsecret.server.com"))
print(cp.items("topsecret.server.com"), [k for k, v in cp.items()], cp["DEFAULT"], cp["bitbucket.org"].name)
print(cp.has_option("bitbucket.org", "User"), cp.has_option("bitbucket.org", "compression"), cp.has_section("DEFAULT"))
cp.add_section("new"); cp.set("new", "key", "v"); cp["new"]["k2"] = "v2"; cp["other"] = {"a": 1, "B": "x"}
out = io.StringIO(); cp.write(out); print(out.getvalue())
print(cp.remove_option("new", "key"), cp.remove_option("new", "key"), cp.remove_section("other"), cp.remove_section("other"))
del cp["new"]; print(cp.sections())
errs = [
    lambda: cp.get("nosuch", "x"), lambda: cp.get("bitbucket.org", "nosuch"), lambda: cp.add_section("bitbucket.org"),
    lambda: cp.add_section("DEFAULT"), lambda: configparser.ConfigParser().read_string("[a]\nx=1\n[a]\n"),
    lambda: configparser.ConfigParser().read_string("[a]\nx=1\nX=2\n"), lambda: configparser.ConfigParser().read_string("x=1\n"),
    lambda: configparser.ConfigParser().read_string("[a]\nnovalue\nother\n"), lambda: cp.getint("bitbucket.org", "user"),
    lambda: cp.getboolean("bitbucket.org", "user"), lambda: cp["nosuch"], lambda: cp.set("new", "a", 1),
    lambda: cp.set("bitbucket.org", "bad", "50%"), lambda: configparser.ConfigParser().read_dict({"a": {"x": 1, "X": 2}}),
    lambda: cp.set("nosuch", "a", "b"), lambda: cp.options("nosuch"), lambda: cp.items("nosuch"),
]
for e in errs:
    try: e()
    except (configparser.Error, ValueError, KeyError, TypeError) as ex:
        print(type(ex).__name__, str(ex).replace("\n", "|"), ex.args)
c2 = configparser.ConfigParser()
c2.read_string("[s]\na = %(b)s\nb = %(c)s\nc = %(a)s\nd = %(missing)s\ne = %x\nf = %(bad\n")
for o in "adef":
    try: print(c2.get("s", o))
    except configparser.InterpolationError as ex: print(type(ex).__name__, ex)
raw = configparser.RawConfigParser(allow_no_value=True)
raw.read_string("[s]\nflag\nx = 1 ; not a comment\nval : %(x)s\n")
print(raw.items("s"), raw.get("s", "flag"))
ext = configparser.ConfigParser(interpolation=configparser.ExtendedInterpolation())
ext.read_string("[a]\nx = 1\ny = ${x}-$$\n[b]\nz = ${a:y}/${a:x}\n")
print(ext["b"]["z"], ext["a"]["y"])
inl = configparser.ConfigParser(inline_comment_prefixes=("#", ";"), delimiters=("=",), strict=False)
inl.read_string("[s]\nurl = http://x#frag # comment\nk=v;c\nk = again\n[s]\nm = 2\n")
print(inl.items("s"))
sp = cp["bitbucket.org"]
print(sp.get("user"), sp.get("zz", "dflt"), sp.getint("port", 5), "user" in sp, len(sp) > 3, repr(sp))
print(isinstance(cp, configparser.RawConfigParser), configparser.DEFAULTSECT, configparser.MAX_INTERPOLATION_DEPTH)

# subprocess argument errors and closed pipes, as CPython reports them.
import subprocess
for f in [lambda: subprocess.Popen([]), lambda: subprocess.Popen(None), lambda: subprocess.run(["echo"], env={"A": 1}),
          lambda: subprocess.run(["echo"], cwd="/nonexistent-dir"), lambda: subprocess.run(["/etc/passwd"]),
          lambda: subprocess.run([b"echo", b"bytes"], capture_output=True).stdout,
          lambda: subprocess.run(["cat"], input="text in", capture_output=True, text=True).stdout,
          lambda: subprocess.run(["cat"], input="text in", capture_output=True).stdout,
          lambda: subprocess.run(["true"], timeout="x")]:
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
p = subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
p.stdin.write(b"abc\n")
p.stdin.close()
print(p.stdout.readline(), p.stdout.read(), p.wait())
try:
    p.stdin.write(b"x")
except ValueError as e:
    print("ValueError", e)
p = subprocess.Popen(["echo", "hi"], stdout=subprocess.PIPE)
print(p.communicate())
try:
    p.communicate()
except ValueError as e:
    print("second communicate:", e)

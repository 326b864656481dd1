# The blocking subprocess module: run/call/check_call/check_output/getoutput, Popen with
# pipes (text and bytes, line iteration, communicate with input and timeouts), signals,
# errors (missing program, non-zero exit, death by signal), env/cwd, DEVNULL, STDOUT.
import subprocess, sys
print("before")
r = subprocess.run(["echo", "x", "y"], capture_output=True)
print(r)
print(repr(subprocess.run("echo hi; echo err >&2; exit 3", shell=True, capture_output=True, text=True)))
print(subprocess.check_output(["printf", "a\\r\\nb\\rc"], text=True).split("\n"))
print(subprocess.check_output("cat", shell=True, input=b"fed in"))
print(subprocess.call(["true"]), subprocess.call("exit 5", shell=True))
try:
    subprocess.check_call(["false"])
except subprocess.CalledProcessError as e:
    print("check_call:", e, e.returncode, e.cmd, e.output)
try:
    subprocess.run(["sh", "-c", "echo out; exit 2"], check=True, stdout=subprocess.PIPE)
except subprocess.CalledProcessError as e:
    print("run check:", str(e), e.stdout, e.stderr)
try:
    subprocess.run(["sleep", "5"], timeout=0.2)
except subprocess.TimeoutExpired as e:
    print("timeout:", type(e).__name__, 0 < e.timeout <= 0.2, e.cmd)
try:
    subprocess.run(["no-such-program-xyz"])
except FileNotFoundError as e:
    print("missing:", e, e.errno, e.filename)
try:
    subprocess.run(["sh", "-c", "kill -9 $$"], check=True)
except subprocess.CalledProcessError as e:
    print("signal:", e, e.returncode)
print(subprocess.getstatusoutput("echo one; echo two >&2; exit 4"))
print(subprocess.getoutput("echo plain"))
p = subprocess.Popen(["sh", "-c", "for i in 1 2 3; do echo line $i; done"], stdout=subprocess.PIPE, text=True)
for line in p.stdout:
    print("got", repr(line))
print(p.wait(), p.returncode, p.poll())
with subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE) as p:
    out, err = p.communicate(b"abc" * 100000)
    print(len(out), err, p.returncode)
p = subprocess.Popen(["sleep", "10"])
print(p.poll())
p.terminate()
print(p.wait())
p = subprocess.Popen(["sleep", "10"])
try:
    p.wait(timeout=0.1)
except subprocess.TimeoutExpired as e:
    print("wait timeout", e)
p.kill()
print(p.wait(), repr(p)[:30])
p = subprocess.Popen(["sh", "-c", "sleep 0.3; echo late"], stdout=subprocess.PIPE)
try:
    p.communicate(timeout=0.05)
except subprocess.TimeoutExpired:
    print("comm timeout")
print(p.communicate())
print(subprocess.run(["sh", "-c", "echo $FOO; pwd"], env={"FOO": "bar", "PATH": "/usr/bin:/bin"}, cwd="/tmp", capture_output=True).stdout)
print(subprocess.run(["echo", "x"], stdout=subprocess.DEVNULL))
r = subprocess.run(["sh", "-c", "echo a; echo b >&2"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
print(sorted(r.stdout.split()))
try:
    subprocess.run(["echo"], input=b"x", stdin=subprocess.PIPE)
except ValueError as e:
    print("ValueError", e)
try:
    subprocess.check_output(["echo"], stdout=None)
except ValueError as e:
    print("ValueError", e)
print(subprocess.CompletedProcess(["a"], 0))
print(sys.stdout.flush() is None, "after")

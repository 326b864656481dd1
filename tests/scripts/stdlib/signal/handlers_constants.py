import signal
print(repr(signal.SIGINT), str(signal.SIGINT), int(signal.SIGTERM), signal.NSIG)
print(repr(signal.SIG_DFL), repr(signal.SIG_IGN), signal.SIGIOT is signal.SIGABRT)
print(signal.Signals(15).name, signal.Signals["SIGUSR1"].value, signal.SIGRTMIN, signal.SIGRTMAX)
print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)
print(signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGPIPE))
print([signal.strsignal(s) for s in (1, 2, 9, 15, 17, 34, 40)])
print(len(signal.valid_signals()), signal.SIGINT in signal.valid_signals())
seen = []
def handler(signum, frame):
    seen.append(signum)
    print("handled", repr(signum))
old = signal.signal(signal.SIGUSR1, handler)
print(old, signal.getsignal(signal.SIGUSR1) is handler)
signal.raise_signal(signal.SIGUSR1)
signal.raise_signal(signal.SIGUSR1)
print(seen)
print(signal.signal(signal.SIGUSR1, signal.SIG_IGN) is handler)
signal.raise_signal(signal.SIGUSR1)
try:
    signal.raise_signal(signal.SIGINT)
except KeyboardInterrupt:
    print("KeyboardInterrupt from default_int_handler")
for args in ((signal.SIGINT, 5), (0, signal.SIG_DFL), (99, signal.SIG_DFL), ("x", signal.SIG_DFL), (signal.SIGKILL, handler)):
    try:
        signal.signal(*args)
    except (TypeError, ValueError, OSError) as e:
        print(type(e).__name__, e)
try:
    signal.default_int_handler(2, None)
except KeyboardInterrupt:
    print("KeyboardInterrupt")
print(signal.signal(signal.SIGINT, signal.SIG_DFL) is signal.default_int_handler)
print([s.name for s in sorted(signal.Signals)][:5])

import os
import warnings


def show(log):
    for w in log:
        print(w.category.__name__, str(w.message), os.path.basename(w.filename), w.lineno)


def deprecated():
    warnings.warn("old api", DeprecationWarning, stacklevel=2)


with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("always")
    warnings.warn("first")
    deprecated()
    warnings.warn(RuntimeWarning("instance"))
    show(log)

with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("default")
    for i in range(3):
        warnings.warn("looped", UserWarning)
    warnings.warn("looped", UserWarning)
    show(log)

with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("once")
    for i in range(2):
        warnings.warn("o1")
    warnings.warn("o1")
    warnings.warn("o2")
    show(log)

with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("ignore")
    warnings.warn("hidden")
    print(len(log))

with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        warnings.warn("boom", RuntimeWarning)
    except RuntimeWarning as e:
        print("raised", type(e).__name__, e)

with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("always")
    warnings.filterwarnings("ignore", message="skip")
    warnings.filterwarnings("error", category=FutureWarning)
    warnings.warn("skip me")
    warnings.warn("keep me")
    try:
        warnings.warn("fut", FutureWarning)
    except FutureWarning as e:
        print("future", e)
    show(log)

print(warnings.formatwarning("msg", UserWarning, "file.py", 12, "  x = 1  \n"), end="")
print(warnings.formatwarning("msg", DeprecationWarning, "file.py", 3, ""), end="")
try:
    warnings.warn("x", category=int)
except TypeError as e:
    print("TypeError", e)

collected = []


def hook(message, category, filename, lineno, file=None, line=None):
    collected.append((str(message), category.__name__, lineno))


old = warnings.showwarning
warnings.showwarning = hook
with warnings.catch_warnings():
    warnings.simplefilter("always")
    warnings.warn("to hook", SyntaxWarning)
warnings.showwarning = old
print(collected)
with warnings.catch_warnings(record=True) as log:
    warnings.warn("default filters")
    warnings.warn("pending", PendingDeprecationWarning)
    print(len(log))
w = warnings.WarningMessage(UserWarning("m"), UserWarning, "f.py", 5)
print(w)

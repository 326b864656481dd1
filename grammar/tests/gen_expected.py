"""Writes syntax_errors/expected.txt: CPython's verdict for every syntax_errors/*.py case.

Run with CPython 3.11 (the oracle): `python3 grammar/tests/gen_expected.py`. Each line is
`file<TAB>class<TAB>line<TAB>offset<TAB>message`. The Rust test `syntax_errors.rs` checks
that gyre reports the same class, message and line for every case.

A few cases are gyre-only (gyre rejects syntax that CPython accepts, on purpose); their
expectations are written here by hand, in GYRE_ONLY, and marked with offset 0.
"""

import os
import sys

GYRE_ONLY = {}

here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "syntax_errors")
lines = []
for name in sorted(os.listdir(here)):
    if not name.endswith(".py"):
        continue
    stem = name[4:-3]
    if stem in GYRE_ONLY:
        cls, line, msg = GYRE_ONLY[stem]
        lines.append(f"{name}\t{cls}\t{line}\t0\t{msg}")
        continue
    with open(os.path.join(here, name), "rb") as f:
        src = f.read()
    try:
        compile(src, name, "exec")
    except SyntaxError as e:
        lines.append(f"{name}\t{type(e).__name__}\t{e.lineno}\t{e.offset}\t{e.msg}")
    else:
        sys.exit(f"{name} compiles without error under CPython")
with open(os.path.join(here, "expected.txt"), "w") as f:
    f.write("\n".join(lines) + "\n")
print(f"wrote {len(lines)} expectations")

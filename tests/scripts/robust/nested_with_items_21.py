# One with statement with 21 items nests 21 blocks.
import contextlib
c = contextlib.nullcontext()
with c, c, c, c, c, c, c, c, c, c, c, c, c, c, c, c, c, c, c, c, c:
    print('never runs')

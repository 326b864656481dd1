@decorator
def f(): pass
@decorator(arg=1)
@other.attribute
class C: pass
@x[0].y(1)(2)
def g(): pass
@(lambda fn: fn)
async def h(): pass
@a if b else c
def k(): pass

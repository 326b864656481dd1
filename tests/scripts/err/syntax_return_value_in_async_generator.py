# An async generator cannot return a value (checked when compiling).
async def numbers():
    yield 1
    return 2

# Task.get_stack() / print_stack(): the suspended coroutine's frame while pending, the
# traceback's frames once it failed, nothing once it returned.
import asyncio
import io


async def fetch_rows(n):
    await asyncio.sleep(0.01)
    if n < 0:
        raise ValueError(f"bad row count {n}")
    return list(range(n))


async def report(n):
    rows = await fetch_rows(n)
    return len(rows)


def frame_names(task):
    return [(f.f_code.co_name, f.f_lineno) for f in task.get_stack()]


async def main():
    ok = asyncio.create_task(report(3), name="ok")
    bad = asyncio.create_task(report(-1), name="bad")
    await asyncio.sleep(0)
    print("pending:", frame_names(ok))
    print("limit 0:", ok.get_stack(limit=0))
    await asyncio.gather(ok, bad, return_exceptions=True)
    print("returned:", frame_names(ok))
    print("failed:", frame_names(bad))
    print("failed, limit 1:", [f.f_code.co_name for f in bad.get_stack(limit=1)])
    buf = io.StringIO()
    bad.print_stack(file=buf)
    lines = buf.getvalue().splitlines()
    print(lines[0].split(" (")[0].split(" <")[0])
    for line in lines[1:]:
        print(line.replace(__file__, "FILE"))
    buf = io.StringIO()
    ok.print_stack(file=buf)
    print(buf.getvalue().split(" <")[0])


asyncio.run(main())

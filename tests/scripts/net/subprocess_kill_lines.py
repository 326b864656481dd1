# asyncio subprocesses: kill and terminate give a negative returncode, lines are read as
# they come with `async for`, a missing program raises FileNotFoundError naming it, signals
# after the exit raise ProcessLookupError.
import asyncio
from asyncio.subprocess import PIPE


async def main():
    proc = await asyncio.create_subprocess_exec('sleep', '30')
    print(proc.returncode)
    proc.kill()
    print(await proc.wait(), proc.returncode)
    try:
        proc.kill()
    except ProcessLookupError:
        print('ProcessLookupError after the exit')

    proc = await asyncio.create_subprocess_exec('sleep', '30')
    proc.terminate()
    print(await proc.wait())

    proc = await asyncio.create_subprocess_exec('sleep', '30')
    try:
        await asyncio.wait_for(proc.wait(), 0.05)
    except asyncio.TimeoutError:
        print('timed out, still running:', proc.returncode)
    proc.send_signal(9)
    print(await proc.wait())

    proc = await asyncio.create_subprocess_shell(
        'for i in 1 2 3; do echo line $i; sleep 0.02; done', stdout=PIPE)
    async for line in proc.stdout:
        print('got', line)
    print(await proc.wait())

    proc = await asyncio.create_subprocess_exec('cat', stdin=PIPE, stdout=PIPE)
    for word in (b'alpha\n', b'beta\n'):
        proc.stdin.write(word)
        print(await proc.stdout.readline())
    proc.stdin.close()
    print(await proc.stdout.read(), await proc.wait())

    for args in (('nosuchcmd',), ('nosuchcmd', 'arg'), ('/no/such/dir/prog',)):
        try:
            await asyncio.create_subprocess_exec(*args, stdout=PIPE)
        except FileNotFoundError as e:
            print(type(e).__name__, e.errno, e.filename, e)

    try:
        await asyncio.create_subprocess_exec('echo', cwd='/no/such/dir')
    except FileNotFoundError as e:
        print(type(e).__name__, e.filename, e)
    try:
        await asyncio.create_subprocess_exec('/etc/passwd')
    except PermissionError as e:
        print(type(e).__name__, e.filename, e)

    try:
        await asyncio.create_subprocess_shell(['echo'])
    except ValueError as e:
        print('ValueError', e)


asyncio.run(main())

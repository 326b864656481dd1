# asyncio subprocesses: echo/cat/sh with PIPE, communicate with input, stderr=STDOUT,
# DEVNULL, a nonzero exit code, wait(), the PIPE/STDOUT/DEVNULL values.
import asyncio
import asyncio.subprocess as sp


async def main():
    print(sp.PIPE, sp.STDOUT, sp.DEVNULL)
    proc = await asyncio.create_subprocess_exec('echo', 'hello', 'world', stdout=sp.PIPE)
    print(type(proc).__name__, isinstance(proc.pid, int), repr(proc) == f'<Process {proc.pid}>')
    out, err = await proc.communicate()
    print(out, err, proc.returncode)

    proc = await asyncio.create_subprocess_exec('cat', stdin=sp.PIPE, stdout=sp.PIPE)
    out, err = await proc.communicate(b'line one\nline two\n')
    print(out, err, proc.returncode)

    big = b'x' * 300000 + b'\n'
    proc = await asyncio.create_subprocess_exec('cat', stdin=sp.PIPE, stdout=sp.PIPE)
    out, _ = await proc.communicate(big)
    print(len(out), out == big)

    proc = await asyncio.create_subprocess_shell(
        'echo out; echo err 1>&2; exit 3', stdout=sp.PIPE, stderr=sp.PIPE)
    out, err = await proc.communicate()
    print(out, err, proc.returncode)

    proc = await asyncio.create_subprocess_shell(
        'echo one; echo two 1>&2; echo three', stdout=sp.PIPE, stderr=sp.STDOUT)
    out, err = await proc.communicate()
    print(out, err, proc.returncode, proc.stderr)

    proc = await asyncio.create_subprocess_shell('echo hidden; exit 7', stdout=sp.DEVNULL)
    print(proc.stdout, await proc.wait(), proc.returncode, await proc.wait())

    proc = await asyncio.create_subprocess_exec('sh', '-c', 'echo "$GREETING" in $PWD',
                                                stdout=sp.PIPE, env={'GREETING': 'hi'}, cwd='/')
    print((await proc.stdout.read()), await proc.wait())

    proc = await asyncio.create_subprocess_exec('cat', stdin=sp.PIPE, stdout=sp.PIPE)
    proc.stdin.write(b'written\n')
    await proc.stdin.drain()
    print(await proc.stdout.readline())
    proc.stdin.close()
    print(await proc.stdout.read(), await proc.wait())

    proc = await asyncio.create_subprocess_exec(b'sh', '-c', 'exit 0')
    print(await proc.wait(), proc.stdin, proc.stdout, proc.stderr)


asyncio.run(main())

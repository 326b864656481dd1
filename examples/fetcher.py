"""A concurrent fetcher: GETs many URLs at once with the aiohttp-compatible client and
prints one summary line per URL, in the order given.

    gyre examples/fetcher.py URL [URL ...]
"""
import asyncio
import sys

import aiohttp


async def fetch(session, url):
    try:
        async with session.get(url) as resp:
            body = await resp.read()
            return f'{resp.status} {len(body):6d} bytes  {url}'
    except aiohttp.ClientError as exc:
        return f'ERR {type(exc).__name__}: {exc}  {url}'


async def main(urls):
    async with aiohttp.ClientSession() as session:
        lines = await asyncio.gather(*(fetch(session, url) for url in urls))
    for line in lines:
        print(line)


asyncio.run(main(sys.argv[1:]))

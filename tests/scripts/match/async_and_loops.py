# match inside loops (break/continue in case blocks), async functions and nesting.
import asyncio

for item in [1, "skip", 2, "stop", 3]:
    match item:
        case "skip":
            continue
        case "stop":
            break
        case n:
            print("item", n)
print("after loop")


async def handle(msg):
    await asyncio.sleep(0)
    match msg:
        case {"op": "add", "args": [a, b]}:
            return a + b
        case {"op": "neg", "args": [a]}:
            await asyncio.sleep(0)
            return -a
        case {"op": op}:
            return f"unknown op {op}"
    return "bad message"


async def main():
    msgs = [{"op": "add", "args": [1, 2]}, {"op": "neg", "args": [5]}, {"op": "mul"}, 3]
    results = await asyncio.gather(*(handle(m) for m in msgs))
    print(results)


asyncio.run(main())


def nested(x):
    match x:
        case [kind, payload]:
            match kind:
                case "num":
                    return payload * 2
                case "str":
                    return payload.upper()
        case _:
            pass
    return None


print(nested(["num", 4]), nested(["str", "ab"]), nested(["x", 1]), nested(7))


def gen(values):
    for v in values:
        match v:
            case int():
                yield v
            case list(items):
                yield from items


print(list(gen([1, [2, 3], "no", 4])))
i = 0
while True:
    i += 1
    match i:
        case 3:
            break
print("i =", i)

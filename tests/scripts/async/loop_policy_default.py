# The default event loop policy: get/set/new_event_loop through it, set_event_loop_policy
# checks its argument and None restores the default.
import asyncio

policy = asyncio.get_event_loop_policy()
print(type(policy).__name__, isinstance(policy, asyncio.AbstractEventLoopPolicy))
print(isinstance(policy, asyncio.DefaultEventLoopPolicy), asyncio.get_event_loop_policy() is policy)
loop = policy.new_event_loop()
policy.set_event_loop(loop)
print(policy.get_event_loop() is loop, asyncio.get_event_loop() is loop)


async def main():
    running = asyncio.get_running_loop()
    return f"ran; slow_callback_duration={running.slow_callback_duration}"


print(loop.run_until_complete(main()))
loop.close()
policy.set_event_loop(None)
try:
    asyncio.set_event_loop_policy("uvloop")
except TypeError as e:
    print("TypeError:", e)
asyncio.set_event_loop_policy(None)
print(type(asyncio.get_event_loop_policy()).__name__)
print([c.__name__ for c in asyncio.DefaultEventLoopPolicy.__mro__])
print(asyncio.run(main()))

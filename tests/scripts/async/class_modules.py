# The __module__ of asyncio's public classes and exceptions (what reprs of classes and
# pickled names show) is CPython's.
import asyncio

names = [
    "Future", "Task", "Handle", "TimerHandle", "AbstractEventLoop", "BaseEventLoop",
    "SelectorEventLoop", "AbstractEventLoopPolicy",
    "DefaultEventLoopPolicy", "CancelledError", "InvalidStateError", "TimeoutError",
    "IncompleteReadError", "LimitOverrunError", "QueueEmpty", "QueueFull",
    "BrokenBarrierError", "Lock", "Event", "Condition", "Semaphore", "BoundedSemaphore",
    "Barrier", "Queue", "PriorityQueue", "LifoQueue", "TaskGroup", "Timeout", "Runner",
    "StreamReader", "StreamWriter", "StreamReaderProtocol", "Server", "Protocol",
    "DatagramProtocol", "BaseTransport", "Transport",
]
for name in names:
    cls = getattr(asyncio, name)
    print(f"{name:24} {cls.__module__}")

# A missing module or submodule raises ModuleNotFoundError with CPython's exact message,
# including "is not a package" for a submodule of a plain module.
try:
    import nonexistent
except ModuleNotFoundError as e:
    print('import nonexistent', '->', type(e).__name__, e, e.name)
try:
    import os.nothere
except ModuleNotFoundError as e:
    print('import os.nothere', '->', type(e).__name__, e, e.name)
try:
    import sys.x
except ModuleNotFoundError as e:
    print('import sys.x', '->', type(e).__name__, e, e.name)
try:
    import math.y
except ModuleNotFoundError as e:
    print('import math.y', '->', type(e).__name__, e, e.name)
try:
    import random.z
except ModuleNotFoundError as e:
    print('import random.z', '->', type(e).__name__, e, e.name)
try:
    import asyncio.nothere
except ModuleNotFoundError as e:
    print('import asyncio.nothere', '->', type(e).__name__, e, e.name)
try:
    import collections.nothere
except ModuleNotFoundError as e:
    print('import collections.nothere', '->', type(e).__name__, e, e.name)
try:
    import json.x
except ModuleNotFoundError as e:
    print('import json.x', '->', type(e).__name__, e, e.name)
try:
    import nonexistent.sub
except ModuleNotFoundError as e:
    print('import nonexistent.sub', '->', type(e).__name__, e, e.name)
try:
    from nonexistent import x
except ModuleNotFoundError as e:
    print('from nonexistent import x', '->', type(e).__name__, e, e.name)
try:
    import os.path.deeper
except ModuleNotFoundError as e:
    print('import os.path.deeper', '->', type(e).__name__, e, e.name)

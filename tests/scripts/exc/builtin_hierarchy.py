# The builtin exception hierarchy.
pairs = [
    (ZeroDivisionError, ArithmeticError), (OverflowError, ArithmeticError), (KeyError, LookupError),
    (IndexError, LookupError), (LookupError, Exception), (ValueError, Exception),
    (UnicodeDecodeError, UnicodeError), (UnicodeError, ValueError), (NotImplementedError, RuntimeError),
    (RecursionError, RuntimeError), (UnboundLocalError, NameError), (ModuleNotFoundError, ImportError),
    (FileNotFoundError, OSError), (StopIteration, Exception), (GeneratorExit, Exception),
    (GeneratorExit, BaseException), (KeyboardInterrupt, Exception), (SystemExit, BaseException),
    (Exception, BaseException), (TypeError, ValueError), (AttributeError, Exception),
    (AssertionError, Exception), (ExceptionGroup, Exception), (BaseExceptionGroup, BaseException),
    (ExceptionGroup, BaseExceptionGroup), (StopAsyncIteration, Exception), (TimeoutError, OSError),
    (EOFError, Exception), (IndentationError, SyntaxError), (bool, int),
]
for sub, sup in pairs:
    print(f"{sub.__name__:20} < {sup.__name__:20} {issubclass(sub, sup)}")
print([c.__name__ for c in ZeroDivisionError.__mro__])
print([c.__name__ for c in KeyError.__mro__])
print([c.__name__ for c in UnboundLocalError.__mro__])
try:
    {}["x"]
except LookupError as e:
    print("caught as LookupError:", type(e).__name__)
try:
    1 / 0
except ArithmeticError as e:
    print("caught as ArithmeticError:", type(e).__name__)

# raise ... from None hides the context in the traceback.
def to_int(text):
    try:
        return int(text)
    except ValueError:
        raise TypeError(f"expected digits, got {text!r}") from None

to_int("seven")

# add_note (3.11) attaches notes kept in __notes__.
try:
    try:
        raise ValueError("bad value")
    except ValueError as e:
        e.add_note("while parsing line 3")
        e.add_note("in file cfg.ini")
        raise
except ValueError as e:
    print(e, e.__notes__)
e = TypeError("t")
print(hasattr(e, "__notes__"))
try:
    e.add_note(5)
except TypeError as err:
    print(err)

def o():
    c = 0
    def f():
        global a, b
        nonlocal c
        assert x, "m"
        raise E from c

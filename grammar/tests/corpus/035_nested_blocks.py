def outer():
    for i in range(3):
        while i:
            if i:
                try:
                    with a:
                        if b:
                            pass
                        else:
                            pass
                except E:
                    pass
            i -= 1
    return 0
class A:
    class B:
        def m(self):
            return 1

# Three-link chain: error in handler, then error in finally.
def step():
    try:
        try:
            [][1]
        except IndexError:
            {}["k"]
    finally:
        print("finally reached")
        None.attr

step()

while True:
    def f():
        break

# At exit, objects still alive are finalized; CPython's last collection finalizes them in
# the order they were created, whatever names hold them.
class Tracked:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("finalize", self.name)


first = Tracked("first")
second = Tracked("second")
_private = Tracked("private")
first = Tracked("replacement")
nested = [Tracked("in list"), {"k": Tracked("in dict")}]
print("end of script")

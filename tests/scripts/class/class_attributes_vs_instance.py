# Class attributes are shared until shadowed by instance attributes.
class Dog:
    species = "canis"
    tricks = []
    def __init__(self, name):
        self.name = name
a, b = Dog("rex"), Dog("fido")
print(a.species, b.species, Dog.species)
a.species = "wolf"
print(a.species, b.species, Dog.species, "species" in vars(a), "species" in vars(b))
Dog.species = "canis lupus"
print(a.species, b.species)
a.tricks.append("roll")
print(b.tricks, Dog.tricks is a.tricks)
del a.species
print(a.species)
b.tricks = ["own"]
print(Dog.tricks, b.tricks)
Dog.count = 0
print(a.count, hasattr(b, "count"))
print(sorted(vars(a)), sorted(k for k in vars(Dog) if not k.startswith("__")))

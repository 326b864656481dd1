# Cycles through instances of user classes: parent/child links, bound methods stored on
# the instance, class attributes; garbage is found, live objects keep every attribute.
import gc


class Node:
    registry = []

    def __init__(self, name, parent=None):
        self.name = name
        self.parent = parent
        self.children = []
        if parent is not None:
            parent.children.append(self)

    def describe(self):
        return f"{self.name}({len(self.children)})"


class Callback:
    def __init__(self):
        self.handler = self.on_event
        self.events = []

    def on_event(self, e):
        self.events.append(e)


gc.collect()


def tree():
    root = Node("root")
    for i in range(3):
        child = Node(f"c{i}", root)
        Node(f"g{i}", child)
    return root.describe()


print(tree())
print("tree found:", gc.collect() > 0)


def bound_method_cycle():
    cb = Callback()
    cb.handler("x")
    return cb.events


print(bound_method_cycle())
print("bound method cycle found:", gc.collect() > 0)

# A class attribute keeps its instances alive: nothing to collect.
Node.registry.append(Node("registered"))
Node.registry[0].me = Node.registry[0]
print("registry:", gc.collect(), Node.registry[0].me.name)

live = Node("live")
Node("child", live)
gc.collect()
print(live.describe(), live.children[0].parent is live, live.children[0].name)

cb = Callback()
gc.collect()
cb.handler(1)
cb.handler(2)
print(cb.events, cb.handler.__self__ is cb)

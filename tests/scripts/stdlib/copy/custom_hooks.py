# __copy__ and __deepcopy__ hooks, and default copying of instances.
import copy


class Node:
    def __init__(self, value, children=None):
        self.value = value
        self.children = children or []

    def __repr__(self):
        return f'Node({self.value}, {self.children})'


n = Node(1, [Node(2), Node(3)])
s = copy.copy(n)
d = copy.deepcopy(n)
n.children[0].value = 20
print(s, d, s.children is n.children, d.children is n.children)


class Tracked:
    def __init__(self, tag):
        self.tag = tag

    def __copy__(self):
        print('copying', self.tag)
        return Tracked(self.tag + '-copy')

    def __deepcopy__(self, memo):
        print('deep copying', self.tag)
        return Tracked(self.tag + '-deep')


a = Tracked('x')
print(copy.copy(a).tag, copy.deepcopy(a).tag, copy.deepcopy([a, a])[1].tag)

"""Topological sorting of a graph of hashable nodes (CPython's `graphlib`).

Nodes are kept in first-mention order, and ready nodes are handed out in the order they
became ready, so `static_order()` and `get_ready()` give CPython's exact sequences; a cycle
is reported with the path CPython's depth-first search finds first."""

__all__ = ["TopologicalSorter", "CycleError"]

# A node's predecessor count once it has been handed out by get_ready(), and once done().
_PASSED_OUT = -1
_DONE = -2


class CycleError(ValueError):
    """The graph has a cycle: args[1] lists its nodes, the first repeated at the end."""


class _Node:
    __slots__ = ("node", "waiting_on", "followers")

    def __init__(self, node):
        self.node = node
        # How many predecessors are not done yet (or _PASSED_OUT / _DONE).
        self.waiting_on = 0
        # The nodes that name this one as a predecessor, in the order they did.
        self.followers = []


class TopologicalSorter:
    """Orders the nodes of a graph so that every node comes after its predecessors."""

    def __init__(self, graph=None):
        self._nodes = {}
        self._ready = None
        self._handed_out = 0
        self._finished = 0
        if graph is not None:
            for node, predecessors in graph.items():
                self.add(node, *predecessors)

    def _info(self, node):
        info = self._nodes.get(node)
        if info is None:
            info = self._nodes[node] = _Node(node)
        return info

    def add(self, node, *predecessors):
        """Adds `node`, which must come after every one of `predecessors`."""
        if self._ready is not None:
            raise ValueError("Nodes cannot be added after a call to prepare()")
        info = self._info(node)
        info.waiting_on += len(predecessors)
        for pred in predecessors:
            self._info(pred).followers.append(node)

    def prepare(self):
        """Freezes the graph and checks it for cycles (CycleError)."""
        if self._ready is not None:
            raise ValueError("cannot prepare() more than once")
        self._ready = [i.node for i in self._nodes.values() if i.waiting_on == 0]
        cycle = self._find_cycle()
        if cycle:
            raise CycleError("nodes are in a cycle", cycle)

    def _require_prepared(self):
        if self._ready is None:
            raise ValueError("prepare() must be called first")

    def get_ready(self):
        """The nodes whose predecessors are all done and that were not handed out yet."""
        self._require_prepared()
        batch = tuple(self._ready)
        for node in batch:
            self._nodes[node].waiting_on = _PASSED_OUT
        self._ready.clear()
        self._handed_out += len(batch)
        return batch

    def is_active(self):
        """True while some node remains to be handed out or marked done."""
        self._require_prepared()
        return self._finished < self._handed_out or bool(self._ready)

    def __bool__(self):
        return self.is_active()

    def done(self, *nodes):
        """Marks handed-out nodes as processed, which may make their followers ready."""
        self._require_prepared()
        for node in nodes:
            info = self._nodes.get(node)
            if info is None:
                raise ValueError(f"node {node!r} was not added using add()")
            state = info.waiting_on
            if state != _PASSED_OUT:
                if state >= 0:
                    raise ValueError(f"node {node!r} was not passed out (still not ready)")
                raise ValueError(f"node {node!r} was already marked done")
            info.waiting_on = _DONE
            for follower in info.followers:
                f = self._nodes[follower]
                f.waiting_on -= 1
                if f.waiting_on == 0:
                    self._ready.append(follower)
            self._finished += 1

    def _find_cycle(self):
        # Depth-first from each node in insertion order, following edges in the order they
        # were added; `path` is the current walk and `on_path` each node's place in it.
        visited = set()
        for start in self._nodes:
            if start in visited:
                continue
            path = []
            pending = []
            on_path = {}
            node = start
            while True:
                if node in visited:
                    if node in on_path:
                        return path[on_path[node]:] + [node]
                else:
                    visited.add(node)
                    on_path[node] = len(path)
                    path.append(node)
                    pending.append(iter(self._nodes[node].followers))
                node = self._next_step(path, pending, on_path)
                if node is _END:
                    break
        return None

    @staticmethod
    def _next_step(path, pending, on_path):
        # The next follower of the deepest node that has one left, unwinding exhausted nodes.
        while path:
            nxt = next(pending[-1], _END)
            if nxt is not _END:
                return nxt
            pending.pop()
            del on_path[path.pop()]
        return _END

    def static_order(self):
        """Every node, in one valid order (prepares the sorter)."""
        self.prepare()
        while self.is_active():
            batch = self.get_ready()
            yield from batch
            self.done(*batch)

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)


_END = object()

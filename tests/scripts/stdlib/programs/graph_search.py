# Graph algorithms on a seeded random graph: BFS with deque, Dijkstra with heapq,
# topological order with defaultdict, namedtuple edges, and bisect for lookups.
import random
import heapq
import bisect
from collections import deque, defaultdict, namedtuple

Edge = namedtuple("Edge", "src dst weight")

rng = random.Random(12345)
N = 60
edges = []
for src in range(N):
    for dst in rng.sample(range(N), 4):
        if dst != src:
            edges.append(Edge(src, dst, rng.randint(1, 20)))
print(len(edges), edges[:3])
print(edges[0]._asdict(), edges[0]._replace(weight=0))

graph = defaultdict(list)
for e in edges:
    graph[e.src].append(e)


def bfs(start):
    seen = {start: 0}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for e in graph[node]:
            if e.dst not in seen:
                seen[e.dst] = seen[node] + 1
                queue.append(e.dst)
    return seen


levels = bfs(0)
print(len(levels), max(levels.values()), sorted(levels.items())[:8])


def dijkstra(start):
    dist = {start: 0}
    prev = {}
    heap = [(0, start)]
    while heap:
        d, node = heapq.heappop(heap)
        if d > dist.get(node, float("inf")):
            continue
        for e in graph[node]:
            nd = d + e.weight
            if nd < dist.get(e.dst, float("inf")):
                dist[e.dst] = nd
                prev[e.dst] = node
                heapq.heappush(heap, (nd, e.dst))
    return dist, prev


dist, prev = dijkstra(0)
far = max(dist, key=lambda n: (dist[n], n))
path = [far]
while path[-1] != 0:
    path.append(prev[path[-1]])
print(far, dist[far], path[::-1])
print(heapq.nsmallest(5, dist.items(), key=lambda kv: (kv[1], kv[0])))
print(heapq.nlargest(3, (e.weight for e in edges)))

# A DAG: keep only edges going up, then Kahn's algorithm with a heap for a stable order.
dag = defaultdict(set)
indegree = defaultdict(int)
for e in edges:
    if e.src < e.dst and e.dst not in dag[e.src]:
        dag[e.src].add(e.dst)
        indegree[e.dst] += 1
ready = [n for n in range(N) if indegree[n] == 0]
heapq.heapify(ready)
order = []
while ready:
    n = heapq.heappop(ready)
    order.append(n)
    for m in sorted(dag[n]):
        indegree[m] -= 1
        if indegree[m] == 0:
            heapq.heappush(ready, m)
print(len(order), order[:15])

# Bucket the distances with bisect.
bounds = [5, 10, 20, 40]
buckets = defaultdict(int)
for d in dist.values():
    buckets[bisect.bisect_right(bounds, d)] += 1
print(sorted(buckets.items()))
sorted_d = sorted(dist.values())
print(bisect.bisect_left(sorted_d, 15), bisect.bisect_right(sorted_d, 15))
bisect.insort(sorted_d, 15)
print(sorted_d[:12])

# TWO + TWO = FOUR and other puzzles solved with itertools.
from itertools import permutations, combinations, product


def solve():
    # TWO + TWO = FOUR: every solution, in permutation order.
    letters = 'TWOFUR'
    out = []
    for perm in permutations(range(10), len(letters)):
        t, w, o, f, u, r = perm
        if t == 0 or f == 0:
            continue
        two = t * 100 + w * 10 + o
        if two + two == f * 1000 + o * 100 + u * 10 + r:
            out.append(two)
    return len(out), out[:5]


print(solve())
coins = [1, 5, 10, 25, 50]
print(sum(1 for r in range(1, 6) for c in combinations(coins, r) if sum(c) == 40))
dice = [sum(p) for p in product(range(1, 7), repeat=3)]
print(max(set(dice), key=dice.count), dice.count(10), len(dice))
queens = 0
for cols in permutations(range(6)):
    if len({c + i for i, c in enumerate(cols)}) == 6 and len({c - i for i, c in enumerate(cols)}) == 6:
        queens += 1
print('6-queens solutions:', queens)

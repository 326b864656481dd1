import sys
sys.path.insert(0, '/tmp/mods') if 'gyre' in sys.argv[-1:] else None
import difflib, pprint
a = "one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\nnine\nten\n".splitlines(True)
b = "one\ntwo\nthree!\nfour\nfive\nsix\nseven\neigth\nnine\nten\neleven\n".splitlines(True)
print(''.join(difflib.ndiff(a, b)), end='')
print(''.join(difflib.unified_diff(a, b, 'a.txt', 'b.txt')), end='')
print(''.join(difflib.context_diff(a, b, 'a.txt', 'b.txt', n=1)), end='')
print('\n'.join(difflib.ndiff(pprint.pformat([1, 2, 3]).splitlines(), pprint.pformat([1, 3, 3]).splitlines())))
print('\n'.join(difflib.ndiff(pprint.pformat({'a': 1, 'b': [1,2]}).splitlines(), pprint.pformat({'a': 2, 'c': 3}).splitlines())))
print(''.join(difflib.ndiff(['hello\n'], ['hallo\n'])), end='')
print(''.join(difflib.ndiff(['abcdefghij\n', 'xyz\n', 'same\n'], ['abcdXfghij\n', 'same\n', 'new\n'])), end='')
s = difflib.SequenceMatcher(None, "abxcd", "abcd")
print(s.get_matching_blocks(), s.get_opcodes(), s.ratio(), s.quick_ratio(), s.real_quick_ratio())
s = difflib.SequenceMatcher(lambda x: x == " ", "private Thread currentThread;", "private volatile Thread currentThread;")
print(round(s.ratio(), 3), s.find_longest_match(0, 29, 0, 38))
print(difflib.get_close_matches('appel', ['ape', 'apple', 'peach', 'puppy']))
print(difflib.get_close_matches('wheel', ['while', 'wheels', 'whale', 'what', 'heel']))
big_a = [str(i % 7) for i in range(300)]
big_b = [str(i % 5) for i in range(250)]
print(difflib.SequenceMatcher(None, big_a, big_b).get_opcodes()[:6])
for n in (0, -1):
    try: difflib.get_close_matches('x', [], n=n)
    except ValueError as e: print(e)
try: difflib.get_close_matches('x', [], cutoff=1.5)
except ValueError as e: print(e)
print(list(difflib.restore(difflib.ndiff(a, b), 2)) == b)
try: list(difflib.unified_diff([b'x'], [b'y']))
except TypeError as e: print(e)

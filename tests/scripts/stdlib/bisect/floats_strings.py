# bisect over floats and strings.
import bisect

xs = [0.1, 0.5, 1.5, 2.25]
print([bisect.bisect(xs, v) for v in [0.0, 0.5, 1.0, 3.0]])
words = sorted(['pear', 'apple', 'fig', 'kiwi'])
print(words, bisect.bisect_left(words, 'grape'), bisect.bisect_left(words, 'kiwi'))

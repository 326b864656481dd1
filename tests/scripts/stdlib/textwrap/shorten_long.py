# shorten, long words, hyphens, max_lines.
import textwrap

print(textwrap.shorten('Hello  world!', width=12), textwrap.shorten('Hello world!', width=11))
print(textwrap.shorten('The quick brown fox jumps over the lazy dog', 25, placeholder='...'))
print(textwrap.wrap('supercalifragilisticexpialidocious is long', 10))
print(textwrap.wrap('a well-known self-evident truth', 12))
print(textwrap.wrap('a well-known self-evident truth', 12, break_on_hyphens=False))
print(textwrap.wrap('word ' * 10, 12, max_lines=2))
print(textwrap.wrap('unbreakable' * 3, 8, break_long_words=False))

# wrap and fill with widths and indents.
import textwrap

text = ('The Zen of Python, by Tim Peters. Beautiful is better than ugly. Explicit is better '
        'than implicit. Simple is better than complex. Complex is better than complicated.')
for width in (20, 35, 70):
    print(textwrap.wrap(text, width))
print(textwrap.fill(text, 30))
print(textwrap.fill(text, 40, initial_indent='* ', subsequent_indent='  '))
print(textwrap.wrap('', 10), textwrap.wrap('   ', 10), textwrap.wrap('short', 10))

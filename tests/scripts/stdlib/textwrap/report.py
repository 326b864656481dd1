# Formatting a report with textwrap.
import textwrap

items = {'gyre': 'An embeddable coroutine scripting language whose language is Python 3.11 with native async.',
         'mio': 'Metal I/O library for Rust, used for the event loop reactor.'}
for name, desc in items.items():
    lines = textwrap.wrap(desc, 40)
    print(f'{name:<6}' + lines[0])
    for line in lines[1:]:
        print(' ' * 6 + line)

# dedent and indent.
import textwrap

block = '''
    def f():
        return 1

    print(f())
'''
print(textwrap.dedent(block))
print(repr(textwrap.dedent('  a\n    b\n  c\n')), repr(textwrap.dedent('\ta\n\tb')), repr(textwrap.dedent('a\n  b')))
print(textwrap.indent('one\ntwo\n\nthree\n', '> '))
print(textwrap.indent('x\n\ny', '+ ', lambda line: True))

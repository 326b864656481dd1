# TextWrapper reuse, tabs, whitespace handling, sentence endings.
import textwrap

w = textwrap.TextWrapper(width=15, expand_tabs=True, tabsize=4)
print(w.wrap('col1\tcol2\tcol3 and more text here'))
w2 = textwrap.TextWrapper(width=30, fix_sentence_endings=True)
print(w2.wrap('First sentence. Second one! Third? Yes.'))
w3 = textwrap.TextWrapper(width=10, drop_whitespace=False)
print(w3.wrap('a  b   c    d'))
print(textwrap.TextWrapper(width=8, replace_whitespace=False).wrap('ab\ncd ef gh'))

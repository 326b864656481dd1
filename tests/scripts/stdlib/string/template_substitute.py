# string.Template substitution, escapes, braces, safe_substitute and errors.
from string import Template

t = Template('$who likes ${what}s, costs $$${price}')
print(t.substitute(who='tim', what='kung pao', price=10))
print(t.substitute({'who': 'ann', 'what': 'tea', 'price': 2}, price=3))
print(Template('$a $b').safe_substitute(a=1), Template('${x}y').substitute(x='X'))
try:
    Template('$missing').substitute()
except KeyError as e:
    print('KeyError', e)
try:
    Template('bad $ here').substitute()
except ValueError as e:
    print('ValueError', e)
print(Template('$a and ${b} and $a').get_identifiers(), Template('$ok').is_valid(), Template('$').is_valid())

# Template with a custom delimiter and reuse across mappings.
from string import Template


class Percent(Template):
    delimiter = '%'


t = Percent('%name is %{age} years (100%% sure)')
print(t.substitute(name='Bo', age=7))
rows = [{'n': 'a', 'v': 1}, {'n': 'b', 'v': 2}]
line = Template('$n=$v')
print(', '.join(line.substitute(r) for r in rows))
print(Template('$$literal $x').substitute(x=1))

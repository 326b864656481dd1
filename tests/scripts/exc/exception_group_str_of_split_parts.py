# str() of exception groups made by split()/except* (derived groups) is
# "message (N sub-exceptions)", like the group they came from.
eg = ExceptionGroup('many', [KeyError('k'), TypeError('t'), ValueError('v')])
print(str(eg))
match, rest = eg.split(KeyError)
print(str(match), '|', str(rest))
try:
    raise eg
except* KeyError as e:
    print('caught', type(e).__name__, str(e))
except* (TypeError, ValueError) as e:
    print('caught', type(e).__name__, str(e), len(e.exceptions))

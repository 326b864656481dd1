# exec, eval and compile: namespaces given or the caller's, code objects, CPython's errors.
x = 10
print(eval('x + 1'), eval('  2 * 3'), eval(b'4'), eval('y', {'y': 7}), eval('a + b', {'a': 1}, {'b': 2}))
def f(n):
    k = 3
    return eval('n * k')
print(f(2))
ns = {}
exec('z = 5\ndef g(): return z * 2\nprint("inside", g())', ns)
print(ns['z'], ns['g'](), sorted(k for k in ns if k != '__builtins__'))
exec('x = 42')
print(x)
loc = {}
exec('q = 1\nr = q + x', {'x': 100}, loc)
print(loc)
code = compile('w = 3\nprint("compiled", w)', 'myfile', 'exec')
exec(code)
print(w, eval(compile('w * 3', '<e>', 'eval')))
for src in ['exec(5)', 'eval(5)', 'exec("x=1", 5)', 'eval("1", 5)', 'eval("1", {}, 5)', 'exec("x=1", {}, 5)', 'compile("x", "f", "bad")', 'eval("x = 1")', 'exec("1 +")', 'eval("undefined_name")']:
    try:
        eval(src)
    except Exception as e:
        print(type(e).__name__, e)
print(eval('__name__'), eval('len')('abc'))

# os.environ, getenv, putenv through environ, getcwd/chdir, getpid.
import os

os.environ['GYRE_TEST_VAR'] = 'value1'
print(os.environ['GYRE_TEST_VAR'], os.getenv('GYRE_TEST_VAR'), os.getenv('GYRE_NOT_SET'), os.getenv('GYRE_NOT_SET', 'dflt'))
print('GYRE_TEST_VAR' in os.environ, os.environ.get('GYRE_NOT_SET', 0))
del os.environ['GYRE_TEST_VAR']
print('GYRE_TEST_VAR' in os.environ, os.environ.pop('GYRE_NOT_SET', 'none'))
try:
    os.environ['X'] = 1
except TypeError as e:
    print('TypeError')
start = os.getcwd()
os.chdir('/')
print(os.getcwd())
os.chdir(start)
print(os.getcwd() == start, isinstance(os.getpid(), int), len(os.urandom(8)))

import io
import re
import sys
import unittest


class A(unittest.TestCase):
    def test_ok(self):
        print("in test_ok")

    def test_bad(self):
        self.assertEqual([1, 2], [1, 2, 3])


class B(unittest.TestCase):
    def test_b(self):
        print("in test_b")


def masked_runner(buf, verbosity=1):
    return unittest.TextTestRunner(stream=buf, verbosity=verbosity)


for argv in (["prog"], ["prog", "B"], ["prog", "A.test_ok", "B.test_b"], ["prog", "-v", "B"]):
    buf = io.StringIO()
    try:
        prog = unittest.main(argv=argv, testRunner=masked_runner(buf, 2 if "-v" in argv else 1))
    except SystemExit as e:
        print(argv, "exit code", e.code)
    print(re.sub(r"in \d+\.\d+s", "in X.XXXs", re.sub(r'File ".*?([^/"]+)"', r'File "\1"', buf.getvalue())))

buf = io.StringIO()
prog = unittest.main(argv=["prog", "B"], exit=False, testRunner=masked_runner(buf))
print(prog.result.wasSuccessful(), prog.result.testsRun)

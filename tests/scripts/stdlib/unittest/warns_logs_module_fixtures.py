import io
import logging
import re
import sys
import unittest
import warnings

order = []


def setUpModule():
    order.append("setUpModule")


def tearDownModule():
    order.append("tearDownModule")


class WarnLog(unittest.TestCase):
    def test_warns(self):
        with self.assertWarns(DeprecationWarning) as cm:
            warnings.warn("old api", DeprecationWarning)
        print("warning:", cm.warning)
        self.assertWarns(UserWarning, warnings.warn, "careful")

    def test_warns_regex(self):
        with self.assertWarnsRegex(UserWarning, "care"):
            warnings.warn("careful now")

    def test_warns_missing(self):
        with self.assertWarns(RuntimeWarning):
            pass

    def test_logs(self):
        with self.assertLogs("app", level="INFO") as cm:
            logging.getLogger("app").info("started")
            logging.getLogger("app.db").warning("slow query")
        print(cm.output)
        print([r.getMessage() for r in cm.records])

    def test_logs_missing(self):
        try:
            with self.assertLogs("quiet"):
                pass
        except AssertionError as e:
            print("assertLogs failed:", e)

    def test_no_logs(self):
        with self.assertNoLogs("other"):
            pass

    def test_enter_context(self):
        class CM:
            def __enter__(self):
                order.append("enter")
                return 5

            def __exit__(self, *a):
                order.append("exit")
        print("entered", self.enterContext(CM()))


class SkipInSetUpClass(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        raise unittest.SkipTest("no database")

    def test_x(self):
        pass


class Failfast(unittest.TestCase):
    def test_1(self):
        self.fail("first")

    def test_2(self):
        pass


loader = unittest.TestLoader()
suite = loader.loadTestsFromModule(sys.modules[__name__])
buf = io.StringIO()
result = unittest.TextTestRunner(stream=buf, verbosity=2).run(suite)
text = re.sub(r"in \d+\.\d+s", "in X.XXXs", buf.getvalue())
text = re.sub(r'File ".*?([^/"]+)"', r'File "\1"', text)
print(text)
print(order)
buf = io.StringIO()
r = unittest.TextTestRunner(stream=buf, failfast=True).run(loader.loadTestsFromTestCase(Failfast))
print(r.testsRun, len(r.failures), r.shouldStop)

import asyncio
import io
import re
import unittest

log = []


def run(*classes, verbosity=1):
    loader = unittest.TestLoader()
    suite = unittest.TestSuite([loader.loadTestsFromTestCase(c) for c in classes])
    buf = io.StringIO()
    result = unittest.TextTestRunner(stream=buf, verbosity=verbosity).run(suite)
    text = re.sub(r"in \d+\.\d+s", "in X.XXXs", buf.getvalue())
    text = re.sub(r'File ".*?([^/"]+)"', r'File "\1"', text)
    print(text, end="")
    return result


class Fixtures(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        log.append("setUpClass")
        cls.addClassCleanup(log.append, "class cleanup")

    @classmethod
    def tearDownClass(cls):
        log.append("tearDownClass")

    def setUp(self):
        log.append("setUp " + self._testMethodName)
        self.addCleanup(log.append, "cleanup " + self._testMethodName)

    def tearDown(self):
        log.append("tearDown")

    def test_a(self):
        log.append("a")

    def test_b(self):
        log.append("b")
        self.skipTest("skip b")


run(Fixtures)
print(log)


class BrokenClass(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        raise RuntimeError("no setup")

    def test_never(self):
        print("never runs")


class SkippedClass(unittest.TestCase):
    def test_one(self):
        print("never runs either")


SkippedClass = unittest.skipIf(True, "whole class")(SkippedClass)

r = run(BrokenClass, SkippedClass, verbosity=2)
print(r.testsRun, [str(t) for t, _ in r.errors], [(str(t), why) for t, why in r.skipped])


class Sub(unittest.TestCase):
    def test_sub(self):
        for i in range(4):
            with self.subTest(i=i):
                self.assertEqual(i % 2, 0)

    def test_sub_msg(self):
        with self.subTest("outer", a=1):
            with self.subTest(b=2):
                raise KeyError("k")

    def test_sub_ok(self):
        for i in range(3):
            with self.subTest(i):
                pass


run(Sub)
run(Sub, verbosity=2)


class Raises(unittest.TestCase):
    def test_ctx(self):
        with self.assertRaises(ValueError) as cm:
            int("x")
        print("caught:", cm.exception)

    def test_callable(self):
        self.assertRaises(ZeroDivisionError, lambda: 1 / 0)
        e = self.assertRaises(KeyError, {}.__getitem__, "k")
        print("callable returns", e)

    def test_not_raised(self):
        with self.assertRaises(TypeError):
            pass

    def test_not_raised_by(self):
        def quiet():
            pass
        self.assertRaises(TypeError, quiet)

    def test_wrong_type(self):
        with self.assertRaises(TypeError):
            raise ValueError("other")

    def test_regex(self):
        with self.assertRaisesRegex(ValueError, "inv.lid"):
            int("zz")

    def test_regex_mismatch(self):
        self.assertRaisesRegex(ValueError, "^nope$", int, "zz")

    def test_tuple(self):
        with self.assertRaises((KeyError, IndexError)):
            [][1]
        with self.assertRaises((KeyError, IndexError)):
            pass

    def test_msg_kw(self):
        with self.assertRaises(ValueError, msg="expected it"):
            pass

    def test_bad_arg(self):
        with self.assertRaises(TypeError) as cm:
            self.assertRaises(3)
        print(cm.exception)
        with self.assertRaises(TypeError) as cm:
            self.assertRaises(ValueError, foo=1)
        print(cm.exception)


run(Raises)

events = []


class AsyncTests(unittest.IsolatedAsyncioTestCase):
    def setUp(self):
        events.append("setUp")

    async def asyncSetUp(self):
        self.loop = asyncio.get_running_loop()
        events.append("asyncSetUp")
        self.addAsyncCleanup(self.acleanup)

    async def acleanup(self):
        await asyncio.sleep(0)
        events.append("async cleanup")

    async def asyncTearDown(self):
        events.append("asyncTearDown")

    def tearDown(self):
        events.append("tearDown")

    async def test_sleep(self):
        await asyncio.sleep(0.001)
        events.append("test_sleep")
        self.assertIs(asyncio.get_running_loop(), self.loop)

    async def test_fail(self):
        await asyncio.sleep(0)
        self.assertEqual(await asyncio.gather(asyncio.sleep(0, 1), asyncio.sleep(0, 2)), [1, 3])

    def test_sync(self):
        events.append("test_sync")


loader = unittest.TestLoader()
r = unittest.TextTestRunner(stream=io.StringIO()).run(loader.loadTestsFromTestCase(AsyncTests))
print(r.testsRun, [(str(t), tb.splitlines()[-9:]) for t, tb in r.failures])
print(events)


class Misc(unittest.TestCase):
    def test_x(self):
        pass

    def runTest(self):
        pass


t = Misc("test_x")
print(str(t), repr(t), t.id(), t.countTestCases(), t.shortDescription())
print(Misc() == Misc("runTest"), Misc("test_x") == Misc("test_x"))
try:
    Misc("test_missing")
except ValueError as e:
    print(e)
print(unittest.TestLoader().getTestCaseNames(Misc))
s = unittest.TestSuite()
s.addTest(Misc("test_x"))
s.addTests([Misc("runTest")])
print(s.countTestCases())
try:
    s.addTest(5)
except TypeError as e:
    print(e)
res = unittest.TestResult()
Misc("test_x").run(res)
print(res, res.wasSuccessful())
ft = unittest.FunctionTestCase(lambda: None, description="fn desc")
print(ft.shortDescription())

import io
import re
import sys
import unittest


def run(*classes, verbosity=1):
    """Runs the classes' tests, prints the report with the timing and file paths masked."""
    loader = unittest.TestLoader()
    suite = unittest.TestSuite([loader.loadTestsFromTestCase(c) for c in classes])
    buf = io.StringIO()
    result = unittest.TextTestRunner(stream=buf, verbosity=verbosity).run(suite)
    text = re.sub(r"in \d+\.\d+s", "in X.XXXs", buf.getvalue())
    text = re.sub(r'File ".*?([^/"]+)"', r'File "\1"', text)
    print(text, end="")
    print("result:", result.testsRun, len(result.failures), len(result.errors),
          len(result.skipped), result.wasSuccessful())
    return result


class Basics(unittest.TestCase):
    def test_equal(self):
        self.assertEqual(1 + 1, 2)

    def test_fail_equal(self):
        self.assertEqual(1, 2)

    def test_error(self):
        1 / 0

    @unittest.skip("not today")
    def test_skipped(self):
        pass

    @unittest.expectedFailure
    def test_xfail(self):
        self.assertTrue(False)

    @unittest.expectedFailure
    def test_xpass(self):
        pass

    def test_docstring(self):
        """First line of the doc.

        More text."""
        self.assertIn(3, [1, 2], "custom message")


run(Basics)
run(Basics, verbosity=2)


class Messages(unittest.TestCase):
    pass


def check(label, fn, *args, **kwargs):
    case = Messages()
    try:
        fn(case, *args, **kwargs)
    except AssertionError as e:
        print(label, "->", repr(str(e)))
    except Exception as e:
        print(label, "raised", type(e).__name__, e)
    else:
        print(label, "passed")


T = unittest.TestCase
check("eq", T.assertEqual, 1, 2)
check("eq msg", T.assertEqual, 1, 2, "boom")
check("eq str", T.assertEqual, "hello", "hallo")
check("eq mstr", T.assertEqual, "a\nb\nc\n", "a\nB\nc\n")
check("eq list", T.assertEqual, [1, 2, 3], [1, 2, 4])
check("eq list len", T.assertEqual, [1, 2, 3], [1, 2])
check("eq list len2", T.assertEqual, [1], [1, 2, 3])
check("eq tuple", T.assertEqual, (1, "a"), (1, "b"))
check("eq dict", T.assertEqual, {"a": 1, "b": 2}, {"a": 1, "b": 3})
check("eq set", T.assertEqual, {1, 2}, {2, 3})
check("eq long", T.assertEqual, "x" * 100, "x" * 99 + "y")
check("eq longlist", T.assertEqual, list(range(100)), list(range(99)) + [0])
check("ne", T.assertNotEqual, 3, 3)
check("true", T.assertTrue, 0)
check("false", T.assertFalse, [1])
check("is", T.assertIs, 1, None)
check("isnot", T.assertIsNot, None, None)
check("isnone", T.assertIsNone, 5)
check("isnotnone", T.assertIsNotNone, None)
check("in", T.assertIn, "z", "abc")
check("notin", T.assertNotIn, 1, [1])
check("isinstance", T.assertIsInstance, 1, str)
check("notisinstance", T.assertNotIsInstance, 1, int)
check("almost", T.assertAlmostEqual, 1.0, 1.1)
check("almost ok", T.assertAlmostEqual, 1.0, 1.00000001)
check("almost places", T.assertAlmostEqual, 1.0, 1.01, places=1)
check("almost delta", T.assertAlmostEqual, 1.0, 1.5, delta=0.1)
check("almost both", T.assertAlmostEqual, 1.0, 1.5, places=1, delta=0.1)
check("notalmost", T.assertNotAlmostEqual, 1.0, 1.00000001)
check("notalmost delta", T.assertNotAlmostEqual, 1.0, 1.05, delta=0.1)
check("greater", T.assertGreater, 1, 2)
check("greaterequal", T.assertGreaterEqual, 1, 2)
check("less", T.assertLess, 2, 1)
check("lessequal", T.assertLessEqual, 2, 1)
check("count", T.assertCountEqual, [1, 1, 2], [1, 2, 2, 3])
check("count ok", T.assertCountEqual, [3, 1, 2], [1, 2, 3])
check("count unhashable", T.assertCountEqual, [[1], [2]], [[2], [2]])
check("regex", T.assertRegex, "hello", r"\d+")
check("notregex", T.assertNotRegex, "abc123", r"\d+")
check("dict type", T.assertDictEqual, [], {})
check("list type", T.assertListEqual, (1,), [1])
check("seq", T.assertSequenceEqual, [1, 2], (1, 3))
check("set equal", T.assertSetEqual, frozenset([1]), {1})
check("set bad", T.assertSetEqual, 1, {1})
check("fail", T.fail, "explicit")
check("fail none", T.fail)
check("multiline type", T.assertMultiLineEqual, 1, "a")

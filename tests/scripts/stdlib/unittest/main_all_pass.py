import unittest


class Numbers(unittest.TestCase):
    def setUp(self):
        self.values = [3, 1, 2]

    def test_sorted(self):
        print("sorting")
        self.assertEqual(sorted(self.values), [1, 2, 3])

    def test_sum(self):
        print("summing")
        self.assertAlmostEqual(sum(self.values) / 3, 2.0)


class Strings(unittest.TestCase):
    def test_upper(self):
        print("upper")
        self.assertEqual("abc".upper(), "ABC")


if __name__ == "__main__":
    unittest.main()

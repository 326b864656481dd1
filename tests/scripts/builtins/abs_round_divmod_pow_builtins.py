# Numeric builtins: abs, round, divmod, pow, sum, min, max applied together.
print(abs(-3), abs(3.5), abs(-0.0), round(2.567, 1), round(-2.5), divmod(17, -5), pow(3, 4), pow(3, 4, 5), pow(2.0, -1))
nums = [3, -7, 2.5, 10, -0.5]
print(sum(nums), max(nums), min(nums), max(nums, key=abs), sorted(nums, key=abs))
print(sum(map(abs, nums)), round(sum(nums) / len(nums), 3))
print([round(x) for x in (0.5, 1.5, 2.5, -0.5)], [round(x, 1) for x in (0.05, 0.15, 0.25)])
print(pow(10, -2), pow(-8, 3), pow(0, 0), pow(0.0, 0))

# A misspelt list method suggests the real one.
nums = [1,2]
nums.apend(3)

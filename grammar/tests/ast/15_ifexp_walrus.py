x = a if b else c
if (n := 1): pass

a = 1; b = 2; c = 3;
if a: x = 1; y = 2
for i in r: print(i); continue
def f(): return 1; pass

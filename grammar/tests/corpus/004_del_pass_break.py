del a
del a, b
del (c, d), e[0], f.g
for i in range(3):
    if i: break
    else: continue
while True:
    pass
    break

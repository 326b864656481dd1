for i, j in x:
    break
else:
    pass
while t:
    continue

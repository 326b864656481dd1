i = 0
while i < 10:
    i += 1
    if i == 5:
        continue
else:
    print("done")
while (line := read()):
    process(line)

# while/else: else runs only without break.
def search(items, target):
    i = 0
    while i < len(items):
        if items[i] == target:
            print("found", target, "at", i)
            break
        i += 1
    else:
        print("no", target)
search([4, 5, 6], 5)
search([4, 5, 6], 7)
search([], 1)
n = 0
while True:
    n += 1
    if n % 2:
        continue
    if n > 8:
        break
    print("even", n)
count = 3
while count:
    count -= 1
else:
    print("else after natural end, count =", count)
k = 10
while k > 0:
    k -= 3
print(k)

# Building a text table with format specs.
rows = [("Widget", 4, 3.5), ("Gadget", 12, 10.0), ("Thingamajig", 1, 199.999)]
header = f"{'Item':<12}{'Qty':>5}{'Price':>10}{'Total':>11}"
print(header)
print("-" * len(header))
grand = 0
for name, qty, price in rows:
    total = qty * price
    grand += total
    print(f"{name:<12.10}{qty:>5d}{price:>10.2f}{total:>11,.2f}")
print("=" * len(header))
print(f"{'TOTAL':<27}{grand:>11,.2f}")
print("{:>{}}".format("x", 4), "{:^{w}}|".format("mid", w=9))

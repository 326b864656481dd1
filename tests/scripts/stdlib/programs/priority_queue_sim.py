# Discrete-event simulation of a bank queue: heapq event list, seeded random arrivals.
import heapq
import random

random.seed(2024)
events = []
seq = 0
for cust in range(12):
    t = round(random.expovariate(1 / 3.0), 3)
    heapq.heappush(events, (t, seq, 'arrive', cust))
    seq += 1
clock = 0.0
teller_free_at = 0.0
waits = []
while events:
    t, _, kind, cust = heapq.heappop(events)
    clock = t
    if kind == 'arrive':
        start = max(clock, teller_free_at)
        service = round(random.uniform(1, 4), 3)
        teller_free_at = start + service
        waits.append(start - clock)
        heapq.heappush(events, (round(teller_free_at, 3), seq, 'leave', cust))
        seq += 1
        print(f'{clock:8.3f} arrive {cust:2d} wait {start - clock:6.3f}')
    else:
        print(f'{clock:8.3f} leave  {cust:2d}')
print('mean wait %.4f max wait %.4f' % (sum(waits) / len(waits), max(waits)))
print(random.sample(range(100), 5), random.choice(['a', 'b', 'c']), random.randint(1, 6))

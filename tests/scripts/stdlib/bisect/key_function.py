# key= searches over records sorted by a field.
import bisect

people = [('ann', 19), ('bob', 25), ('cid', 25), ('dee', 40)]
ages = lambda p: p[1]
print(bisect.bisect_left(people, 25, key=ages), bisect.bisect_right(people, 25, key=ages))
bisect.insort(people, ('eve', 30), key=ages)
print(people)

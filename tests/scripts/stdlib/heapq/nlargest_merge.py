# nlargest/nsmallest with keys and ties, merge of sorted inputs.
import heapq

nums = [1, 8, 2, 23, 7, -4, 18, 23, 42, 37, 2]
print(heapq.nlargest(3, nums), heapq.nsmallest(3, nums), heapq.nlargest(1, nums), heapq.nsmallest(0, nums))
people = [('ann', 31), ('bob', 25), ('cid', 31), ('dee', 19)]
print(heapq.nlargest(2, people, key=lambda p: p[1]), heapq.nsmallest(2, people, key=lambda p: p[1]))
print(heapq.nlargest(10, [3, 1]), heapq.nsmallest(2, []))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [3, 6, 9])))
print(list(heapq.merge(['b', 'd'], ['a', 'c'], key=str.upper)))
print(list(heapq.merge([9, 5, 1], [8, 2], reverse=True)))

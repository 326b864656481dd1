# A method called with too few arguments; the source line keeps its trailing space.
items = [1, 2, 3]
total = sum(i * i for i in items) + items.count() 

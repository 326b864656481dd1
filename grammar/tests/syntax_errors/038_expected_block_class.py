class A:
foo()

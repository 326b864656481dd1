# A file object used only as a call's receiver or argument is released when the call
# returns (as CPython's reference counting does), so its buffered writes reach the disk.
path = "/tmp/gyre_test_temporary_file_closed_after_call.txt"
open(path, "w").write("first")
print(open(path).read())
print(len(open(path).readlines()))


def write_with(f, text):
    return f.write(text)


write_with(open(path, "a"), " second")
print(open(path).read())
print(sorted([open(path).read(), "a"]))

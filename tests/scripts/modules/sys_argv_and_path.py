# sys.argv[0] is the script path as given on the command line.
import sys
print(sys.argv[0])
print(len(sys.argv), sys.argv[0].endswith("sys_argv_and_path.py"))
print(type(sys.argv).__name__, sys.version_info[:2] >= (3, 11), sys.version_info.major)
print(isinstance(sys.maxsize, int), sys.maxsize == 2 ** 63 - 1)

# __name__ is "__main__" for the script and the module name for imports.
import _helper_geometry
print(__name__, _helper_geometry.__name__)
def main():
    print("main() called because __name__ == '__main__'")
if __name__ == "__main__":
    main()
import sys
print(sys.modules["__main__"].main is main)

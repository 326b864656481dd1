# Helper module (not a test): imported by modules/*.py tests.
print("_helper_geometry: executing module body, __name__ =", __name__)
PI_ISH = 3.14
_private = "underscore name"
__all__ = ["area", "Circle", "PI_ISH"]
def area(r):
    return PI_ISH * r * r
class Circle:
    def __init__(self, r):
        self.r = r
    def area(self):
        return area(self.r)
    def __repr__(self):
        return f"Circle({self.r})"
load_count = globals().get("load_count", 0) + 1

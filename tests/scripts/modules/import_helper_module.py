# Plain `import` of a helper module in the test folder.
print("before import")
import _helper_geometry
print("after import")
print(_helper_geometry.area(2), _helper_geometry.PI_ISH, _helper_geometry.Circle(3))
print(_helper_geometry.__name__, type(_helper_geometry).__name__)
c = _helper_geometry.Circle(1)
print(c.area(), type(c).__name__, type(c).__module__)
print(sorted(n for n in dir(_helper_geometry) if not n.startswith("__")))
import _helper_geometry as geo
print(geo is _helper_geometry, geo.load_count)
_helper_geometry.PI_ISH = 3
print(geo.area(2))

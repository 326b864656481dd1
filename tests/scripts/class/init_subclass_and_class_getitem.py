# __init_subclass__ with keyword arguments and __class_getitem__.
class Plugin:
    registry = {}
    def __init_subclass__(cls, name=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.plugin_name = name or cls.__name__.lower()
        Plugin.registry[cls.plugin_name] = cls
class Alpha(Plugin, name="a"):
    pass
class Beta(Plugin):
    pass
class Gamma(Beta, name="g"):
    pass
print(sorted(Plugin.registry), Gamma.plugin_name, Beta.plugin_name)
try:
    class Bad(Plugin, unknown=1):
        pass
except TypeError as e:
    print("TypeError:", e)
class Box:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{getattr(item, '__name__', item)}]"
print(Box[int], Box["x"], Box[Box])
print(list[int], dict[str, int], tuple[int, ...] if False else "skip")

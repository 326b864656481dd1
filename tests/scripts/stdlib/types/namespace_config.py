# SimpleNamespace as a config object built from dicts, compared and copied.
import copy
import types


def to_ns(obj):
    if isinstance(obj, dict):
        return types.SimpleNamespace(**{k: to_ns(v) for k, v in obj.items()})
    if isinstance(obj, list):
        return [to_ns(v) for v in obj]
    return obj


cfg = to_ns({"server": {"host": "127.0.0.1", "port": 8080}, "workers": [{"id": 1}, {"id": 2}]})
print(cfg.server.host, cfg.server.port, [w.id for w in cfg.workers])
print(cfg.server)
clone = copy.deepcopy(cfg)
clone.server.port = 9090
print(cfg.server.port, clone.server.port, cfg == clone, cfg.workers == clone.workers)
print(sorted(vars(cfg)), repr(types.SimpleNamespace(a=types.SimpleNamespace())))

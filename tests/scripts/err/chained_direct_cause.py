# Explicit chaining: "The above exception was the direct cause of the following exception:"
class ConfigError(Exception):
    pass

def read_port(cfg):
    try:
        return int(cfg["port"])
    except ValueError as exc:
        raise ConfigError(f"bad port {cfg['port']!r}") from exc

print(read_port({"port": "8080"}))
read_port({"port": "80x"})

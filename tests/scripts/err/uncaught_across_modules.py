# A traceback whose frames span the script and an imported helper module.
import _config_loader

print(_config_loader.load({"port": "8000"}))
_config_loader.load({"port": "eighty"})

"""Warning control (CPython's `warnings`): warn/warn_explicit with the filter list
(filterwarnings, simplefilter, resetwarnings), showwarning/formatwarning and catch_warnings."""

import sys

_ACTIONS = ("error", "ignore", "always", "default", "module", "once")

filters = []
_defaultaction = "default"
_onceregistry = {}
# Per-module registries of locations already reported; the version makes every filter
# change forget them, as CPython does.
_registries = {}
_version = [0]


def _filters_mutated():
    _version[0] += 1


def _getline(filename, lineno):
    try:
        with open(filename, encoding="utf-8") as f:
            for i, line in enumerate(f, 1):
                if i == lineno:
                    return line
    except (OSError, UnicodeDecodeError, ValueError):
        pass
    return ""


def formatwarning(message, category, filename, lineno, line=None):
    text = "{}:{}: {}: {}\n".format(filename, lineno, category.__name__, message)
    if line is None:
        line = _getline(filename, lineno)
    if line:
        text += "  {}\n".format(line.strip())
    return text


def _showwarning_default(message, category, filename, lineno, file=None, line=None):
    if file is None:
        file = sys.stderr
        if file is None:
            return
    try:
        file.write(formatwarning(message, category, filename, lineno, line))
    except OSError:
        pass


showwarning = _showwarning_default


def _check_category(category, what="category"):
    if not isinstance(category, type) or not issubclass(category, Warning):
        raise TypeError("{} must be a Warning subclass, not '{}'".format(what, type(category).__name__))


def filterwarnings(action, message="", category=Warning, module="", lineno=0, append=False):
    if action not in _ACTIONS:
        raise AssertionError("invalid action: {!r}".format(action))
    if not isinstance(message, str):
        raise AssertionError("message must be a string")
    if not isinstance(category, type) or not issubclass(category, Warning):
        raise AssertionError("category must be a class")
    if not isinstance(module, str):
        raise AssertionError("module must be a string")
    if not isinstance(lineno, int) or lineno < 0:
        raise AssertionError("lineno must be an int >= 0")
    import re
    msg_re = re.compile(message, re.I) if message else None
    mod_re = re.compile(module) if module else None
    _add_filter(action, msg_re, category, mod_re, lineno, append=append)


def simplefilter(action, category=Warning, lineno=0, append=False):
    if action not in _ACTIONS:
        raise AssertionError("invalid action: {!r}".format(action))
    if not isinstance(lineno, int) or lineno < 0:
        raise AssertionError("lineno must be an int >= 0")
    _add_filter(action, None, category, None, lineno, append=append)


def _add_filter(*item, append):
    if not append:
        try:
            filters.remove(item)
        except ValueError:
            pass
        filters.insert(0, item)
    elif item not in filters:
        filters.append(item)
    _filters_mutated()


def resetwarnings():
    filters[:] = []
    _filters_mutated()


class _OptionError(Exception):
    pass


def _match_filter(text, category, module, lineno):
    for action, msg_re, cat, mod_re, ln in filters:
        if ((msg_re is None or msg_re.match(text))
                and issubclass(category, cat)
                and _module_matches(mod_re, module)
                and (ln == 0 or lineno == ln)):
            return action
    return _defaultaction


def _module_matches(pattern, module):
    # The built-in default filters hold plain strings, compared whole; user filters
    # hold compiled patterns matched at the start of the module name.
    if pattern is None:
        return True
    if isinstance(pattern, str):
        return pattern == module
    return pattern.match(module) is not None


def _caller(stacklevel):
    try:
        frame = sys._getframe(stacklevel + 1)
    except ValueError:
        return None
    return frame


def warn(message, category=None, stacklevel=1, source=None):
    if isinstance(message, Warning):
        category = message.__class__
    if category is None:
        category = UserWarning
    _check_category(category)
    frame = _caller(stacklevel)
    if frame is None:
        module_globals = sys.__dict__ if hasattr(sys, "__dict__") else {}
        filename = "sys"
        lineno = 0
        module = "sys"
    else:
        module_globals = frame.f_globals
        filename = frame.f_code.co_filename
        lineno = frame.f_lineno
        module = module_globals.get("__name__", "<string>")
    warn_explicit(message, category, filename, lineno, module, None, module_globals, source)


def warn_explicit(message, category, filename, lineno, module=None, registry=None,
                  module_globals=None, source=None):
    lineno = int(lineno)
    if module is None:
        module = filename or "<unknown>"
        if module[-3:].lower() == ".py":
            module = module[:-3]
    if registry is None:
        registry = _registries.setdefault(module, {})
    if registry.get("version") != _version[0]:
        registry.clear()
        registry["version"] = _version[0]
    if isinstance(message, Warning):
        text = str(message)
        category = message.__class__
    else:
        text = message
        message = category(message)
    key = (text, category, lineno)
    if registry.get(key):
        return
    action = _match_filter(text, category, module, lineno)
    if action == "ignore":
        return
    if action == "error":
        raise message
    if action == "once":
        registry[key] = 1
        once_key = (text, category)
        if _onceregistry.get(once_key):
            return
        _onceregistry[once_key] = 1
    elif action == "module":
        registry[key] = 1
        alt = (text, category, 0)
        if registry.get(alt):
            return
        registry[alt] = 1
    elif action == "default":
        registry[key] = 1
    elif action != "always":
        raise RuntimeError("Unrecognized action ({!r}) in warnings.filters:\n {!r}".format(action, action))
    _showwarnmsg(WarningMessage(message, category, filename, lineno, source=source))


def _showwarnmsg(msg):
    showwarning(msg.message, msg.category, msg.filename, msg.lineno, msg.file, msg.line)


class WarningMessage:
    _WARNING_DETAILS = ("message", "category", "filename", "lineno", "file", "line", "source")

    def __init__(self, message, category, filename, lineno, file=None, line=None, source=None):
        self.message = message
        self.category = category
        self.filename = filename
        self.lineno = lineno
        self.file = file
        self.line = line
        self.source = source
        self._category_name = category.__name__ if category else None

    def __str__(self):
        return ("{{message : {!r}, category : {!r}, filename : {!r}, lineno : {}, line : {!r}}}".format(
            self.message, self._category_name, self.filename, self.lineno, self.line))


class catch_warnings:
    def __init__(self, *, record=False, module=None, action=None, category=Warning, lineno=0, append=False):
        self._record = record
        self._module = sys.modules["warnings"] if module is None else module
        self._entered = False
        if action is None:
            self._filter = None
        else:
            self._filter = (action, category, lineno, append)

    def __repr__(self):
        args = []
        if self._record:
            args.append("record=True")
        if self._module is not sys.modules["warnings"]:
            args.append("module={!r}".format(self._module))
        return "{}({})".format(type(self).__name__, ", ".join(args))

    def __enter__(self):
        if self._entered:
            raise RuntimeError("Cannot enter {!r} twice".format(self))
        self._entered = True
        mod = self._module
        self._filters = mod.filters
        mod.filters = self._filters[:]
        _filters_mutated()
        self._showwarning = mod.showwarning
        if self._filter is not None:
            simplefilter(*self._filter)
        if self._record:
            log = []
            mod.showwarning = lambda message, category, filename, lineno, file=None, line=None: log.append(
                WarningMessage(message, category, filename, lineno, file, line))
            return log
        return None

    def __exit__(self, *exc_info):
        if not self._entered:
            raise RuntimeError("Cannot exit {!r} without entering first".format(self))
        mod = self._module
        mod.filters = self._filters
        _filters_mutated()
        mod.showwarning = self._showwarning
        return None


simplefilter("ignore", category=ResourceWarning, append=True)
simplefilter("ignore", category=ImportWarning, append=True)
simplefilter("ignore", category=PendingDeprecationWarning, append=True)
simplefilter("ignore", category=DeprecationWarning, append=True)
filters.insert(0, ("default", None, DeprecationWarning, "__main__", 0))

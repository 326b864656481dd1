"""Command-line option parsing in the style of C's getopt() (CPython's `getopt`): `getopt`
stops at the first non-option, `gnu_getopt` lets options and operands mix; long options may
be abbreviated to a unique prefix. Errors are GetoptError with CPython's messages."""

import os

__all__ = ["GetoptError", "error", "getopt", "gnu_getopt"]


class GetoptError(Exception):
    """A bad option: `msg` says what is wrong, `opt` names the option."""

    opt = ""
    msg = ""

    def __init__(self, msg, opt=""):
        self.msg = msg
        self.opt = opt
        Exception.__init__(self, msg, opt)

    def __str__(self):
        return self.msg


error = GetoptError


def _long_list(longopts):
    if isinstance(longopts, str):
        return [longopts]
    return list(longopts)


def getopt(args, shortopts, longopts=[]):
    """Parses options off the front of `args`; returns (options, remaining arguments)."""
    opts = []
    longopts = _long_list(longopts)
    while args and args[0].startswith("-") and args[0] != "-":
        if args[0] == "--":
            args = args[1:]
            break
        if args[0].startswith("--"):
            opts, args = do_longs(opts, args[0][2:], longopts, args[1:])
        else:
            opts, args = do_shorts(opts, args[0][1:], shortopts, args[1:])
    return opts, args


def gnu_getopt(args, shortopts, longopts=[]):
    """Like getopt, but options may follow operands (unless shortopts starts with '+' or
    POSIXLY_CORRECT is set)."""
    opts = []
    operands = []
    longopts = _long_list(longopts)
    posix = shortopts.startswith("+")
    if posix:
        shortopts = shortopts[1:]
    elif os.environ.get("POSIXLY_CORRECT"):
        posix = True
    while args:
        first = args[0]
        if first == "--":
            operands += args[1:]
            break
        if first[:2] == "--":
            opts, args = do_longs(opts, first[2:], longopts, args[1:])
        elif first[:1] == "-" and first != "-":
            opts, args = do_shorts(opts, first[1:], shortopts, args[1:])
        elif posix:
            operands += args
            break
        else:
            operands.append(first)
            args = args[1:]
    return opts, operands


def do_longs(opts, opt, longopts, args):
    name, eq, value = opt.partition("=")
    optarg = value if eq else None
    has_arg, name = long_has_args(name, longopts)
    if has_arg:
        if optarg is None:
            if not args:
                raise GetoptError("option --%s requires argument" % name, name)
            optarg, args = args[0], args[1:]
    elif optarg is not None:
        raise GetoptError("option --%s must not have an argument" % name, name)
    opts.append(("--" + name, optarg or ""))
    return opts, args


def long_has_args(opt, longopts):
    """(takes an argument, full option name) for a long option or a unique prefix of one."""
    matches = [o for o in longopts if o.startswith(opt)]
    if not matches:
        raise GetoptError("option --%s not recognized" % opt, opt)
    if opt in matches:
        return False, opt
    if opt + "=" in matches:
        return True, opt
    if len(matches) > 1:
        raise GetoptError("option --%s not a unique prefix" % opt, opt)
    full = matches[0]
    if full.endswith("="):
        return True, full[:-1]
    return False, full


def do_shorts(opts, optstring, shortopts, args):
    while optstring:
        opt, optstring = optstring[0], optstring[1:]
        if short_has_arg(opt, shortopts):
            if not optstring:
                if not args:
                    raise GetoptError("option -%s requires argument" % opt, opt)
                optstring, args = args[0], args[1:]
            optarg, optstring = optstring, ""
        else:
            optarg = ""
        opts.append(("-" + opt, optarg))
    return opts, args


def short_has_arg(opt, shortopts):
    """Whether the short option `opt` takes an argument (a ':' follows it in shortopts)."""
    for i, c in enumerate(shortopts):
        if c == opt and c != ":":
            return shortopts.startswith(":", i + 1)
    raise GetoptError("option -%s not recognized" % opt, opt)

"""INI-style configuration files (CPython's `configparser`): `RawConfigParser` and
`ConfigParser` (with `BasicInterpolation` or `ExtendedInterpolation`), reading from strings,
files and dicts, the mapping protocol (`parser["section"]["key"]`, `SectionProxy`), typed
getters, `write`, and CPython's exceptions and messages. Not supported: `converters`,
`LegacyInterpolation`."""

import io
import os
import re
from collections.abc import MutableMapping

__all__ = ["NoSectionError", "DuplicateOptionError", "DuplicateSectionError",
           "NoOptionError", "InterpolationError", "InterpolationDepthError",
           "InterpolationMissingOptionError", "InterpolationSyntaxError",
           "ParsingError", "MissingSectionHeaderError", "ConfigParser",
           "RawConfigParser", "Interpolation", "BasicInterpolation",
           "ExtendedInterpolation", "SectionProxy", "DEFAULTSECT", "MAX_INTERPOLATION_DEPTH"]

DEFAULTSECT = "DEFAULT"
MAX_INTERPOLATION_DEPTH = 10


class Error(Exception):
    """Base class for configparser exceptions."""

    def __init__(self, msg=""):
        self.message = msg
        Exception.__init__(self, msg)

    def __repr__(self):
        return self.message

    __str__ = __repr__


def _where(source, lineno, what, plain_prefix):
    # "While reading from 'x' [line  3]: section 'a' already exists" or "Section 'a' ...".
    if source:
        text = "While reading from " + repr(source)
        if lineno:
            text += " [line {0:2d}]".format(lineno)
        return text + ": " + what[0].lower() + what[1:]
    return plain_prefix + what


class NoSectionError(Error):
    """The section does not exist."""

    def __init__(self, section):
        Error.__init__(self, "No section: %r" % (section,))
        self.section = section
        self.args = (section,)


class DuplicateSectionError(Error):
    """A section appears twice (in one source, with strict parsing, or added twice)."""

    def __init__(self, section, source=None, lineno=None):
        what = repr(section) + " already exists"
        Error.__init__(self, _where(source, lineno, "Section " + what, "") if source
                       else "Section " + what)
        self.section = section
        self.source = source
        self.lineno = lineno
        self.args = (section, source, lineno)


class DuplicateOptionError(Error):
    """An option appears twice in one section of one source (strict parsing)."""

    def __init__(self, section, option, source=None, lineno=None):
        what = "%r in section %r already exists" % (option, section)
        Error.__init__(self, _where(source, lineno, "Option " + what, "") if source
                       else "Option " + what)
        self.section = section
        self.option = option
        self.source = source
        self.lineno = lineno
        self.args = (section, option, source, lineno)


class NoOptionError(Error):
    """The option does not exist in the section."""

    def __init__(self, option, section):
        Error.__init__(self, "No option %r in section: %r" % (option, section))
        self.option = option
        self.section = section
        self.args = (option, section)


class InterpolationError(Error):
    """Base class for interpolation errors."""

    def __init__(self, option, section, msg):
        Error.__init__(self, msg)
        self.option = option
        self.section = section
        self.args = (option, section, msg)


class InterpolationMissingOptionError(InterpolationError):
    """A `%(name)s` or `${name}` reference names no option."""

    def __init__(self, option, section, rawval, reference):
        msg = ("Bad value substitution: option {!r} in section {!r} contains an "
               "interpolation key {!r} which is not a valid option name. Raw value: {!r}"
               .format(option, section, reference, rawval))
        InterpolationError.__init__(self, option, section, msg)
        self.reference = reference
        self.args = (option, section, rawval, reference)


class InterpolationSyntaxError(InterpolationError):
    """A malformed interpolation reference."""


class InterpolationDepthError(InterpolationError):
    """References nest deeper than MAX_INTERPOLATION_DEPTH."""

    def __init__(self, option, section, rawval):
        msg = ("Recursion limit exceeded in value substitution: option {!r} in section {!r} "
               "contains an interpolation key which cannot be substituted in {} steps. Raw "
               "value: {!r}".format(option, section, MAX_INTERPOLATION_DEPTH, rawval))
        InterpolationError.__init__(self, option, section, msg)
        self.args = (option, section, rawval)


class ParsingError(Error):
    """Lines that are neither section headers, options nor continuations."""

    def __init__(self, source=None, filename=None):
        source = source if source is not None else filename
        Error.__init__(self, "Source contains parsing errors: %r" % source)
        self.source = source
        self.errors = []
        self.args = (source,)

    def append(self, lineno, line):
        self.errors.append((lineno, line))
        self.message += "\n\t[line %2d]: %s" % (lineno, line)


class MissingSectionHeaderError(ParsingError):
    """An option before the first section header."""

    def __init__(self, filename, lineno, line):
        Error.__init__(self, "File contains no section headers.\nfile: %r, line: %d\n%r"
                       % (filename, lineno, line))
        self.source = filename
        self.lineno = lineno
        self.line = line
        self.errors = []
        self.args = (filename, lineno, line)


class Interpolation:
    """No interpolation: values are returned as stored."""

    def before_get(self, parser, section, option, value, defaults):
        return value

    def before_set(self, parser, section, option, value):
        return value

    def before_read(self, parser, section, option, value):
        return value

    def before_write(self, parser, section, option, value):
        return value


class _SigilInterpolation(Interpolation):
    """What Basic and Extended interpolation share: references start with `_SIGIL`, and a
    doubled sigil is the sigil itself."""

    _SIGIL = "%"

    def before_get(self, parser, section, option, value, defaults):
        out = []
        self._expand(parser, option, out, value, section, defaults, 1)
        return "".join(out)

    def before_set(self, parser, section, option, value):
        sigil = self._SIGIL
        stripped = self._KEY.sub("", value.replace(sigil * 2, ""))
        if sigil in stripped:
            raise ValueError("invalid interpolation syntax in %r at position %d"
                             % (value, stripped.find(sigil)))
        return value

    def _expand(self, parser, option, out, rest, section, values, depth):
        rawval = parser.get(section, option, raw=True, fallback=rest)
        if depth > MAX_INTERPOLATION_DEPTH:
            raise InterpolationDepthError(option, section, rawval)
        sigil, opener = self._SIGIL, self._OPEN
        while rest:
            p = rest.find(sigil)
            if p < 0:
                out.append(rest)
                return
            out.append(rest[:p])
            rest = rest[p:]
            c = rest[1:2]
            if c == sigil:
                out.append(sigil)
                rest = rest[2:]
            elif c == opener:
                m = self._KEY.match(rest)
                if m is None:
                    raise InterpolationSyntaxError(
                        option, section, "bad interpolation variable reference %r" % rest)
                rest = rest[m.end():]
                name, v, sect, scope = self._resolve(
                    parser, option, section, values, rawval, m.group(1), rest)
                if sigil in v:
                    self._expand(parser, name, out, v, sect, scope, depth + 1)
                else:
                    out.append(v)
            else:
                raise InterpolationSyntaxError(
                    option, section,
                    "'%s' must be followed by '%s' or '%s', found: %r"
                    % (sigil, sigil, opener, rest))


class BasicInterpolation(_SigilInterpolation):
    """`%(name)s` refers to another option of the section (or DEFAULT); `%%` is a '%'."""

    _OPEN = "("
    _KEY = re.compile(r"%\(([^)]+)\)s")

    def _resolve(self, parser, option, section, values, rawval, key, rest):
        name = parser.optionxform(key)
        try:
            v = values[name]
        except KeyError:
            raise InterpolationMissingOptionError(option, section, rawval, name) from None
        return option, v, section, values


class ExtendedInterpolation(_SigilInterpolation):
    """`${name}` or `${section:name}` refers to another option; `$$` is a '$'."""

    _SIGIL = "$"
    _OPEN = "{"
    _KEY = re.compile(r"\$\{([^}]+)\}")

    def _resolve(self, parser, option, section, values, rawval, key, rest):
        path = key.split(":")
        try:
            if len(path) == 1:
                name = parser.optionxform(path[0])
                return name, values[name], section, values
            if len(path) == 2:
                sect = path[0]
                name = parser.optionxform(path[1])
                v = parser.get(sect, name, raw=True)
                return name, v, sect, dict(parser.items(sect, raw=True))
            raise InterpolationSyntaxError(
                option, section, "More than one ':' found: %r" % (rest,))
        except (KeyError, NoSectionError, NoOptionError):
            raise InterpolationMissingOptionError(
                option, section, rawval, ":".join(path)) from None


_UNSET = object()


class RawConfigParser(MutableMapping):
    """A configuration: sections of options, plus the DEFAULT section every section sees."""

    BOOLEAN_STATES = {"1": True, "yes": True, "true": True, "on": True,
                      "0": False, "no": False, "false": False, "off": False}
    _DEFAULT_INTERPOLATION = Interpolation()

    def __init__(self, defaults=None, dict_type=dict, allow_no_value=False, *,
                 delimiters=("=", ":"), comment_prefixes=("#", ";"),
                 inline_comment_prefixes=None, strict=True, empty_lines_in_values=True,
                 default_section=DEFAULTSECT, interpolation=_UNSET, converters=_UNSET):
        self._dict = dict_type
        self._sections = self._dict()
        self._defaults = self._dict()
        self._proxies = self._dict()
        self._delimiters = tuple(delimiters)
        self._comment_prefixes = tuple(comment_prefixes or ())
        self._inline_comment_prefixes = tuple(inline_comment_prefixes or ())
        self._strict = strict
        self._allow_no_value = allow_no_value
        self._empty_lines_in_values = empty_lines_in_values
        self.default_section = default_section
        self._interpolation = interpolation
        if self._interpolation is _UNSET:
            self._interpolation = self._DEFAULT_INTERPOLATION
        if self._interpolation is None:
            self._interpolation = Interpolation()
        self._proxies[default_section] = SectionProxy(self, default_section)
        if defaults:
            self._read_defaults(defaults)

    def _read_defaults(self, defaults):
        self.read_dict({self.default_section: defaults})

    def defaults(self):
        return self._defaults

    def sections(self):
        """The section names, DEFAULT excluded."""
        return list(self._sections.keys())

    def add_section(self, section):
        """Creates an empty section."""
        if section == self.default_section:
            raise ValueError("Invalid section name: %r" % section)
        if section in self._sections:
            raise DuplicateSectionError(section)
        self._sections[section] = self._dict()
        self._proxies[section] = SectionProxy(self, section)

    def has_section(self, section):
        return section in self._sections

    def options(self, section):
        """The option names of a section, its defaults included."""
        try:
            opts = self._sections[section].copy()
        except KeyError:
            raise NoSectionError(section) from None
        opts.update(self._defaults)
        return list(opts.keys())

    def read(self, filenames, encoding=None):
        """Reads the files that exist among `filenames`; returns their names."""
        if isinstance(filenames, (str, bytes, os.PathLike)):
            filenames = [filenames]
        done = []
        for filename in filenames:
            try:
                with open(filename, encoding=encoding) as fp:
                    self._read(fp, filename)
            except OSError:
                continue
            if isinstance(filename, os.PathLike):
                filename = os.fspath(filename)
            done.append(filename)
        return done

    def read_file(self, f, source=None):
        """Reads configuration lines from an iterable of lines (a file)."""
        if source is None:
            source = getattr(f, "name", "<???>")
        self._read(f, source)

    def read_string(self, string, source="<string>"):
        """Reads configuration from a string."""
        self.read_file(io.StringIO(string), source)

    def read_dict(self, dictionary, source="<dict>"):
        """Reads sections and options from a mapping of mappings."""
        seen = set()
        for section, keys in dictionary.items():
            section = str(section)
            try:
                self.add_section(section)
            except (DuplicateSectionError, ValueError):
                if self._strict and section in seen:
                    raise
            seen.add(section)
            for key, value in keys.items():
                key = self.optionxform(str(key))
                if value is not None:
                    value = str(value)
                if self._strict and (section, key) in seen:
                    raise DuplicateOptionError(section, key, source)
                seen.add((section, key))
                self.set(section, key, value)

    def get(self, section, option, *, raw=False, vars=None, fallback=_UNSET):
        """The value of an option (interpolated unless `raw`), or `fallback`."""
        try:
            d = self._unify_values(section, vars)
        except NoSectionError:
            if fallback is _UNSET:
                raise
            return fallback
        option = self.optionxform(option)
        try:
            value = d[option]
        except KeyError:
            if fallback is _UNSET:
                raise NoOptionError(option, section)
            return fallback
        if raw or value is None:
            return value
        return self._interpolation.before_get(self, section, option, value, d)

    def _get_conv(self, section, option, conv, *, raw=False, vars=None, fallback=_UNSET):
        try:
            return conv(self.get(section, option, raw=raw, vars=vars))
        except (NoSectionError, NoOptionError):
            if fallback is _UNSET:
                raise
            return fallback

    def getint(self, section, option, *, raw=False, vars=None, fallback=_UNSET, **kwargs):
        return self._get_conv(section, option, int, raw=raw, vars=vars, fallback=fallback)

    def getfloat(self, section, option, *, raw=False, vars=None, fallback=_UNSET, **kwargs):
        return self._get_conv(section, option, float, raw=raw, vars=vars, fallback=fallback)

    def getboolean(self, section, option, *, raw=False, vars=None, fallback=_UNSET, **kwargs):
        return self._get_conv(section, option, self._convert_to_boolean, raw=raw, vars=vars,
                              fallback=fallback)

    def items(self, section=_UNSET, raw=False, vars=None):
        """Without a section: (name, SectionProxy) pairs; with one: its (option, value)
        pairs, defaults included."""
        if section is _UNSET:
            return [(name, self[name]) for name in self]
        d = self._defaults.copy()
        try:
            d.update(self._sections[section])
        except KeyError:
            if section != self.default_section:
                raise NoSectionError(section)
        names = list(d.keys())
        if vars:
            for key, value in vars.items():
                d[self.optionxform(key)] = value
        if raw:
            return [(name, d[name]) for name in names]
        return [(name, self._interpolation.before_get(self, section, name, d[name], d))
                for name in names]

    def popitem(self):
        """Removes and returns the first section (after DEFAULT) as (name, SectionProxy)."""
        for key in self.sections():
            value = self[key]
            del self[key]
            return key, value
        raise KeyError

    def optionxform(self, optionstr):
        """How option names are normalised: lower case."""
        return optionstr.lower()

    def has_option(self, section, option):
        if not section or section == self.default_section:
            return self.optionxform(option) in self._defaults
        if section not in self._sections:
            return False
        option = self.optionxform(option)
        return option in self._sections[section] or option in self._defaults

    def set(self, section, option, value=None):
        """Sets an option (the section must exist)."""
        if value:
            value = self._interpolation.before_set(self, section, option, value)
        self._section_dict(section)[self.optionxform(option)] = value

    def _section_dict(self, section):
        if not section or section == self.default_section:
            return self._defaults
        try:
            return self._sections[section]
        except KeyError:
            raise NoSectionError(section) from None

    def write(self, fp, space_around_delimiters=True):
        """Writes the configuration in INI form to the text file `fp`."""
        d = " {} ".format(self._delimiters[0]) if space_around_delimiters else self._delimiters[0]
        if self._defaults:
            self._write_section(fp, self.default_section, self._defaults.items(), d)
        for section in self._sections:
            self._write_section(fp, section, self._sections[section].items(), d)

    def _write_section(self, fp, name, items, delimiter):
        fp.write("[{}]\n".format(name))
        for key, value in items:
            value = self._interpolation.before_write(self, name, key, value)
            if value is not None or not self._allow_no_value:
                value = delimiter + str(value).replace("\n", "\n\t")
            else:
                value = ""
            fp.write("{}{}\n".format(key, value))
        fp.write("\n")

    def remove_option(self, section, option):
        """Removes an option; returns whether it existed."""
        sectdict = self._section_dict(section)
        option = self.optionxform(option)
        existed = option in sectdict
        if existed:
            del sectdict[option]
        return existed

    def remove_section(self, section):
        """Removes a section; returns whether it existed."""
        existed = section in self._sections
        if existed:
            del self._sections[section]
            del self._proxies[section]
        return existed

    def __getitem__(self, key):
        if key != self.default_section and not self.has_section(key):
            raise KeyError(key)
        return self._proxies[key]

    def __setitem__(self, key, value):
        if key in self and self[key] is value:
            return
        if key == self.default_section:
            self._defaults.clear()
        elif key in self._sections:
            self._sections[key].clear()
        self.read_dict({key: value})

    def __delitem__(self, key):
        if key == self.default_section:
            raise ValueError("Cannot remove the default section.")
        if not self.has_section(key):
            raise KeyError(key)
        self.remove_section(key)

    def __contains__(self, key):
        return key == self.default_section or self.has_section(key)

    def __len__(self):
        return len(self._sections) + 1

    def __iter__(self):
        yield self.default_section
        yield from list(self._sections.keys())

    def _comment_start(self, line):
        # Where a comment starts on the line, or None: a full-line prefix, or an inline
        # prefix at the start or after whitespace.
        stripped = line.strip()
        for prefix in self._comment_prefixes:
            if stripped.startswith(prefix):
                return 0
        best = None
        for prefix in self._inline_comment_prefixes:
            i = line.find(prefix)
            while i > 0 and not line[i - 1].isspace():
                i = line.find(prefix, i + 1)
            if i >= 0 and (best is None or i < best):
                best = i
        return best

    def _split_option(self, text):
        # (name, delimiter, value) at the first delimiter, or None without one.
        for i in range(len(text)):
            for d in self._delimiters:
                if text.startswith(d, i):
                    return text[:i].rstrip(), d, text[i + len(d):].strip()
        return None

    def _read(self, fp, fpname):
        seen = set()
        cursect = None
        sectname = None
        optname = None
        indent_level = 0
        error = None
        for lineno, line in enumerate(fp, start=1):
            comment_start = self._comment_start(line)
            value = (line if comment_start is None else line[:comment_start]).strip()
            if not value:
                if self._empty_lines_in_values:
                    if (comment_start is None and cursect is not None and optname
                            and cursect[optname] is not None):
                        cursect[optname].append("")
                else:
                    indent_level = 1 << 62
                continue
            cur_indent = len(line) - len(line.lstrip())
            if cursect is not None and optname and cur_indent > indent_level:
                cursect[optname].append(value)
                continue
            indent_level = cur_indent
            header = self._section_header(value)
            if header is not None:
                sectname = header
                if sectname in self._sections:
                    if self._strict and sectname in seen:
                        raise DuplicateSectionError(sectname, fpname, lineno)
                    cursect = self._sections[sectname]
                    seen.add(sectname)
                elif sectname == self.default_section:
                    cursect = self._defaults
                else:
                    cursect = self._dict()
                    self._sections[sectname] = cursect
                    self._proxies[sectname] = SectionProxy(self, sectname)
                    seen.add(sectname)
                optname = None
            elif cursect is None:
                raise MissingSectionHeaderError(fpname, lineno, line)
            else:
                parts = self._split_option(value)
                if parts is None and self._allow_no_value:
                    parts = (value, None, None)
                if parts is None:
                    error = self._handle_error(error, fpname, lineno, line)
                    continue
                name, _, optval = parts
                if not name:
                    error = self._handle_error(error, fpname, lineno, line)
                optname = self.optionxform(name.rstrip())
                if self._strict and (sectname, optname) in seen:
                    raise DuplicateOptionError(sectname, optname, fpname, lineno)
                seen.add((sectname, optname))
                cursect[optname] = None if optval is None else [optval]
        self._join_multiline_values()
        if error:
            raise error

    @staticmethod
    def _section_header(value):
        # "[name]" at the start of the line (anything may follow the last ']').
        if not value.startswith("["):
            return None
        end = value.rfind("]")
        if end < 2:
            return None
        return value[1:end]

    def _handle_error(self, error, fpname, lineno, line):
        if not error:
            error = ParsingError(fpname)
        error.append(lineno, repr(line))
        return error

    def _join_multiline_values(self):
        every = [(self.default_section, self._defaults)] + list(self._sections.items())
        for section, options in every:
            for name, val in list(options.items()):
                if isinstance(val, list):
                    val = "\n".join(val).rstrip()
                options[name] = self._interpolation.before_read(self, section, name, val)

    def _unify_values(self, section, vars):
        try:
            sectiondict = self._sections[section]
        except KeyError:
            if section != self.default_section:
                raise NoSectionError(section) from None
            sectiondict = {}
        d = dict(self._defaults)
        d.update(sectiondict)
        if vars:
            for key, value in vars.items():
                d[self.optionxform(key)] = None if value is None else str(value)
        return d

    def _convert_to_boolean(self, value):
        if value.lower() not in self.BOOLEAN_STATES:
            raise ValueError("Not a boolean: %s" % value)
        return self.BOOLEAN_STATES[value.lower()]

    def _validate_value_types(self, *, section="", option="", value=""):
        if not isinstance(section, str):
            raise TypeError("section names must be strings")
        if not isinstance(option, str):
            raise TypeError("option keys must be strings")
        if not self._allow_no_value or value:
            if not isinstance(value, str):
                raise TypeError("option values must be strings")


class ConfigParser(RawConfigParser):
    """RawConfigParser with `%(name)s` interpolation and string-only values."""

    _DEFAULT_INTERPOLATION = BasicInterpolation()

    def set(self, section, option, value=None):
        self._validate_value_types(option=option, value=value)
        super().set(section, option, value)

    def add_section(self, section):
        self._validate_value_types(section=section)
        super().add_section(section)

    def _read_defaults(self, defaults):
        hold = self._interpolation
        self._interpolation = Interpolation()
        try:
            self.read_dict({self.default_section: defaults})
        finally:
            self._interpolation = hold


class SectionProxy(MutableMapping):
    """One section of a parser, as a mapping."""

    def __init__(self, parser, name):
        self._parser = parser
        self._name = name

    def __repr__(self):
        return "<Section: {}>".format(self._name)

    def __getitem__(self, key):
        if not self._parser.has_option(self._name, key):
            raise KeyError(key)
        return self._parser.get(self._name, key)

    def __setitem__(self, key, value):
        self._parser._validate_value_types(option=key, value=value)
        return self._parser.set(self._name, key, value)

    def __delitem__(self, key):
        if not (self._parser.has_option(self._name, key)
                and self._parser.remove_option(self._name, key)):
            raise KeyError(key)

    def __contains__(self, key):
        return self._parser.has_option(self._name, key)

    def __len__(self):
        return len(self._options())

    def __iter__(self):
        return iter(self._options())

    def _options(self):
        if self._name != self._parser.default_section:
            return self._parser.options(self._name)
        return list(self._parser.defaults())

    @property
    def parser(self):
        return self._parser

    @property
    def name(self):
        return self._name

    def get(self, option, fallback=None, *, raw=False, vars=None, **kwargs):
        return self._parser.get(self._name, option, raw=raw, vars=vars, fallback=fallback)

    def getint(self, option, fallback=None, *, raw=False, vars=None, **kwargs):
        return self._parser.getint(self._name, option, raw=raw, vars=vars, fallback=fallback)

    def getfloat(self, option, fallback=None, *, raw=False, vars=None, **kwargs):
        return self._parser.getfloat(self._name, option, raw=raw, vars=vars, fallback=fallback)

    def getboolean(self, option, fallback=None, *, raw=False, vars=None, **kwargs):
        return self._parser.getboolean(self._name, option, raw=raw, vars=vars,
                                       fallback=fallback)

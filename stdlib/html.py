"""HTML escaping (CPython's `html`): escape, and unescape for numeric character references
and the common named entities (a subset of the HTML5 table)."""

import re


def escape(s, quote=True):
    s = s.replace("&", "&amp;")
    s = s.replace("<", "&lt;")
    s = s.replace(">", "&gt;")
    if quote:
        s = s.replace('"', "&quot;")
        s = s.replace("'", "&#x27;")
    return s


# Named entities that HTML5 also accepts without the trailing semicolon.
_LEGACY = {
    "AElig": "Æ", "AMP": "&", "Aacute": "Á", "Acirc": "Â", "Agrave": "À", "Aring": "Å",
    "Atilde": "Ã", "Auml": "Ä", "COPY": "©", "Ccedil": "Ç", "ETH": "Ð", "Eacute": "É",
    "Ecirc": "Ê", "Egrave": "È", "Euml": "Ë", "GT": ">", "Iacute": "Í", "Icirc": "Î",
    "Igrave": "Ì", "Iuml": "Ï", "LT": "<", "Ntilde": "Ñ", "Oacute": "Ó", "Ocirc": "Ô",
    "Ograve": "Ò", "Oslash": "Ø", "Otilde": "Õ", "Ouml": "Ö", "QUOT": '"', "REG": "®",
    "THORN": "Þ", "Uacute": "Ú", "Ucirc": "Û", "Ugrave": "Ù", "Uuml": "Ü", "Yacute": "Ý",
    "aacute": "á", "acirc": "â", "acute": "´", "aelig": "æ", "agrave": "à", "amp": "&",
    "aring": "å", "atilde": "ã", "auml": "ä", "brvbar": "¦", "ccedil": "ç", "cedil": "¸",
    "cent": "¢", "copy": "©", "curren": "¤", "deg": "°", "divide": "÷", "eacute": "é",
    "ecirc": "ê", "egrave": "è", "eth": "ð", "euml": "ë", "frac12": "½", "frac14": "¼",
    "frac34": "¾", "gt": ">", "iacute": "í", "icirc": "î", "iexcl": "¡", "igrave": "ì",
    "iquest": "¿", "iuml": "ï", "laquo": "«", "lt": "<", "macr": "¯", "micro": "µ",
    "middot": "·", "nbsp": "\xa0", "not": "¬", "ntilde": "ñ", "oacute": "ó", "ocirc": "ô",
    "ograve": "ò", "ordf": "ª", "ordm": "º", "oslash": "ø", "otilde": "õ", "ouml": "ö",
    "para": "¶", "plusmn": "±", "pound": "£", "quot": '"', "raquo": "»", "reg": "®",
    "sect": "§", "shy": "\xad", "sup1": "¹", "sup2": "²", "sup3": "³", "szlig": "ß",
    "thorn": "þ", "times": "×", "uacute": "ú", "ucirc": "û", "ugrave": "ù", "uml": "¨",
    "uuml": "ü", "yacute": "ý", "yen": "¥", "yuml": "ÿ",
}

# Named entities that need their semicolon.
_NAMED = {
    "apos": "'", "hellip": "…", "mdash": "—", "ndash": "–", "lsquo": "‘", "rsquo": "’",
    "ldquo": "“", "rdquo": "”", "sbquo": "‚", "bdquo": "„", "euro": "€", "trade": "™",
    "bull": "•", "dagger": "†", "Dagger": "‡", "permil": "‰", "lsaquo": "‹", "rsaquo": "›",
    "larr": "←", "rarr": "→", "uarr": "↑", "darr": "↓", "harr": "↔", "lArr": "⇐",
    "rArr": "⇒", "hArr": "⇔", "minus": "−", "infin": "∞", "ne": "≠", "le": "≤", "ge": "≥",
    "asymp": "≈", "equiv": "≡", "sum": "∑", "prod": "∏", "radic": "√", "part": "∂",
    "forall": "∀", "exist": "∃", "empty": "∅", "isin": "∈", "notin": "∉", "cap": "∩",
    "cup": "∪", "and": "∧", "or": "∨", "int": "∫", "there4": "∴", "sim": "∼", "prime": "′",
    "Prime": "″", "oline": "‾", "frasl": "⁄", "spades": "♠", "clubs": "♣", "hearts": "♥",
    "diams": "♦", "loz": "◊", "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ",
    "epsilon": "ε", "zeta": "ζ", "eta": "η", "theta": "θ", "iota": "ι", "kappa": "κ",
    "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ", "omicron": "ο", "pi": "π", "rho": "ρ",
    "sigma": "σ", "sigmaf": "ς", "tau": "τ", "upsilon": "υ", "phi": "φ", "chi": "χ",
    "psi": "ψ", "omega": "ω", "Alpha": "Α", "Beta": "Β", "Gamma": "Γ", "Delta": "Δ",
    "Theta": "Θ", "Lambda": "Λ", "Pi": "Π", "Sigma": "Σ", "Phi": "Φ", "Psi": "Ψ",
    "Omega": "Ω", "OElig": "Œ", "oelig": "œ", "Scaron": "Š", "scaron": "š", "Yuml": "Ÿ",
    "fnof": "ƒ", "circ": "ˆ", "tilde": "˜", "ensp": "\u2002", "emsp": "\u2003",
    "thinsp": "\u2009", "zwnj": "\u200c", "zwj": "\u200d", "lrm": "\u200e", "rlm": "\u200f",
    "tab": "\t", "newline": "\n", "excl": "!", "num": "#", "dollar": "$", "percnt": "%",
    "lpar": "(", "rpar": ")", "ast": "*", "plus": "+", "comma": ",", "period": ".",
    "sol": "/", "colon": ":", "semi": ";", "equals": "=", "quest": "?", "commat": "@",
    "lsqb": "[", "bsol": "\\", "rsqb": "]", "lowbar": "_", "grave": "`", "lcub": "{",
    "verbar": "|", "rcub": "}", "check": "✓", "star": "☆", "starf": "★",
}

# What numeric references in the C1 range and a few others stand for (HTML5 rules).
_INVALID_CHARREFS = {
    0x00: "\ufffd", 0x0d: "\r", 0x80: "€", 0x81: "\x81", 0x82: "‚", 0x83: "ƒ", 0x84: "„",
    0x85: "…", 0x86: "†", 0x87: "‡", 0x88: "ˆ", 0x89: "‰", 0x8a: "Š", 0x8b: "‹", 0x8c: "Œ",
    0x8d: "\x8d", 0x8e: "Ž", 0x8f: "\x8f", 0x90: "\x90", 0x91: "‘", 0x92: "’", 0x93: "“",
    0x94: "”", 0x95: "•", 0x96: "–", 0x97: "—", 0x98: "˜", 0x99: "™", 0x9a: "š", 0x9b: "›",
    0x9c: "œ", 0x9d: "\x9d", 0x9e: "ž", 0x9f: "Ÿ",
}


def _invalid_codepoint(n):
    if 0x1 <= n <= 0x8 or 0xe <= n <= 0x1f or 0x7f <= n <= 0x9f or 0xfdd0 <= n <= 0xfdef:
        return True
    return n == 0xb or (n & 0xFFFF) in (0xFFFE, 0xFFFF)


def _replace_charref(m):
    s = m.group(1)
    if s[0] == "#":
        if s[1] in "xX":
            num = int(s[2:].rstrip(";"), 16)
        else:
            num = int(s[1:].rstrip(";"))
        if num in _INVALID_CHARREFS:
            return _INVALID_CHARREFS[num]
        if 0xD800 <= num <= 0xDFFF or num > 0x10FFFF:
            return "\ufffd"
        if _invalid_codepoint(num):
            return ""
        return chr(num)
    if s.endswith(";"):
        name = s[:-1]
        if name in _NAMED:
            return _NAMED[name]
        if name in _LEGACY:
            return _LEGACY[name]
    if s in _LEGACY:
        return _LEGACY[s]
    for x in range(len(s) - 1, 1, -1):
        if s[:x] in _LEGACY:
            return _LEGACY[s[:x]] + s[x:]
    return "&" + s


_charref = re.compile(r"&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)")


def unescape(s):
    if "&" not in s:
        return s
    return _charref.sub(_replace_charref, s)

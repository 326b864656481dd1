# repr() escaping of strings.
samples = ["plain", "it's", 'say "hi"', "both ' and \"", "tab\there", "nl\nx", "cr\r", "nul\x00",
           "bell\x07", "esc\x1b", "del\x7f", "back\\slash", "é ü", "\u200b", "\x80\x9f", "\ud800",
           "emoji 😀", "\U000e0001", "\xa0nbsp", "\u2028"]
for s in samples:
    print(repr(s), len(s))
print(ascii("é😀\n"), ascii("abc"))
print(str("tab\t"), repr(repr("x")))

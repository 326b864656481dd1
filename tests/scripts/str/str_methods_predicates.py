# is* predicates.
tests = ["abc", "ABC", "abc123", "123", "", " ", "\t\n", "½", "²", "Ⅷ", "hello world", "Title Case", "_id", "9lives", "é"]
for t in tests:
    print(repr(t), t.isalpha(), t.isdigit(), t.isalnum(), t.isnumeric(), t.isdecimal(),
          t.isspace(), t.isidentifier(), t.isprintable(), t.isascii())

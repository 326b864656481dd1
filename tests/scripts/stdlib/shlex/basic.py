import shlex

for s in ['ls -l "my file.txt"', "echo 'single quoted' done", r'a\ b c\\d "e\"f" \'x', 'one  two\tthree\n',
          'cmd # comment here', '""', "x=''", 'a"b c"d', "don't"]:
    try:
        print(repr(s), shlex.split(s))
    except ValueError as e:
        print(repr(s), "ValueError", e)
print(shlex.split("cmd # comment here", comments=True))
print(shlex.split("a 'b c' d", posix=False))
for s in ["", "simple", "with space", "it's", "$HOME", "a\"b", "safe-chars_./@%+=:,", "ünï"]:
    print(shlex.quote(s))
print(shlex.join(["echo", "hello world", "it's"]))
lex = shlex.shlex("a = b + 'c d'; e")
print(list(lex))
lex = shlex.shlex("a && b || c > f", punctuation_chars=True)
print(list(lex))

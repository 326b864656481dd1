import csv
import io

rows = [["name", "qty", "note"], ["apple", 3, "red, round"], ["pear", 2.5, 'say "hi"'],
        ["multi", 1, "line1\nline2"], ["", None, " lead"], [True, -0.0, "tab\there"]]
for quoting in (csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC):
    buf = io.StringIO()
    w = csv.writer(buf, quoting=quoting)
    w.writerows(rows)
    print(repr(buf.getvalue()))
    back = list(csv.reader(io.StringIO(buf.getvalue()), quoting=quoting
                           if quoting != csv.QUOTE_NONNUMERIC else csv.QUOTE_MINIMAL))
    print(back)

buf = io.StringIO()
w = csv.writer(buf, quoting=csv.QUOTE_NONE, escapechar="\\")
print(w.writerow(["a,b", 'q"x', "plain"]))
print(repr(buf.getvalue()))
for r in ([""], [], [None], ["", ""]):
    buf = io.StringIO()
    csv.writer(buf).writerow(r)
    print(r, repr(buf.getvalue()))

text = 'a,b,c\r\n1,"two, too",3\n"x""y",,z\n\n" spaced",  s,e\n'
print(list(csv.reader(io.StringIO(text))))
print(list(csv.reader(text.splitlines(), skipinitialspace=True)))
print(list(csv.reader(['1,2.5,"x"'], quoting=csv.QUOTE_NONNUMERIC)))
print(list(csv.reader(["a;b;'c;d'"], delimiter=";", quotechar="'")))
print(list(csv.reader(["a\\,b,c"], escapechar="\\")))
print(list(csv.reader(['"abc"def,g'])))
print(list(csv.reader(["a\tb"], dialect="excel-tab")))
print(list(csv.reader(['"open', 'still open"', 'next'])))
print(list(csv.reader(['"unterminated'])))
r = csv.reader(["x,y", "1,2", "3,4"])
for row in r:
    print(r.line_num, row)

for bad in (['"a"b'], ['"unterminated']):
    try:
        print(list(csv.reader(bad, strict=True)))
    except csv.Error as e:
        print("Error:", e)
for bad, kw in ((["a\0b"], {}), (["1,x"], {"quoting": csv.QUOTE_NONNUMERIC}), ([b"a,b"], {}),
                (["a,b"], {"delimiter": "::"}), (["a"], {"delimiter": 1}),
                (["a"], {"quoting": 9}), (["a"], {"quotechar": None}),
                (["a"], {"dialect": "nope"}), (["a"], {"bogus": 1})):
    try:
        print(list(csv.reader(bad, **kw)))
    except (csv.Error, TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
try:
    csv.writer(io.StringIO(), quoting=csv.QUOTE_NONE).writerow(["a,b"])
except csv.Error as e:
    print("Error:", e)
try:
    csv.writer(io.StringIO()).writerow(5)
except csv.Error as e:
    print("Error:", e)

data = "id,name,score\n1,ann,90\n2,bob\n3,cy,70,extra,more\n"
dr = csv.DictReader(io.StringIO(data), restval="?")
print(dr.fieldnames)
for row in dr:
    print(row, dr.line_num)
print(list(csv.DictReader(["a,b", "1,2"], fieldnames=["x", "y"])))

out = io.StringIO()
dw = csv.DictWriter(out, fieldnames=["id", "name"], restval="-")
dw.writeheader()
dw.writerow({"id": 1, "name": "ann"})
dw.writerows([{"id": 2}, {"name": "x,y", "id": 3}])
print(repr(out.getvalue()))
try:
    dw.writerow({"id": 1, "age": 3})
except ValueError as e:
    print("ValueError:", e)
try:
    csv.DictWriter(out, ["a"], extrasaction="skip")
except ValueError as e:
    print("ValueError:", e)
ign = csv.DictWriter(io.StringIO(), ["a"], extrasaction="ignore")
print(ign.writerow({"a": 1, "b": 2}))

csv.register_dialect("pipes", delimiter="|", quoting=csv.QUOTE_ALL)
print(sorted(csv.list_dialects()))
d = csv.get_dialect("pipes")
print(d.delimiter, d.quotechar, d.quoting, repr(d.lineterminator), d.doublequote)
buf = io.StringIO()
csv.writer(buf, "pipes").writerow(["a", 1])
print(repr(buf.getvalue()))
csv.unregister_dialect("pipes")
try:
    csv.get_dialect("pipes")
except csv.Error as e:
    print("Error:", e)


class Semi(csv.Dialect):
    delimiter = ";"
    quotechar = '"'
    lineterminator = "\n"
    quoting = csv.QUOTE_MINIMAL
    doublequote = True
    skipinitialspace = False


buf = io.StringIO()
csv.writer(buf, Semi).writerow(["a;b", "c"])
print(repr(buf.getvalue()), list(csv.reader(io.StringIO(buf.getvalue()), Semi)))
print(csv.field_size_limit(), csv.field_size_limit(5), csv.field_size_limit())
try:
    list(csv.reader(["abcdefgh"]))
except csv.Error as e:
    print("Error:", e)
csv.field_size_limit(131072)
print(csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC, csv.QUOTE_NONE, csv.__version__)
print(csv.excel.delimiter, repr(csv.excel_tab.delimiter), repr(csv.unix_dialect.lineterminator))

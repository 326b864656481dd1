# Processing text line by line from a StringIO like a file.
import io

data = io.StringIO('name,age\nann,31\nbob,25\n')
header = data.readline().strip().split(',')
rows = [dict(zip(header, line.strip().split(','))) for line in data]
print(header, rows)
out = io.StringIO()
for r in rows:
    out.write(f"{r['name'].upper()}:{r['age']}\n")
print(out.getvalue(), end='')
out.seek(0)
print(out.readlines())

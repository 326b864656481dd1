# print(file=StringIO) and writelines.
import io

buf = io.StringIO()
for i in range(3):
    print('row', i, file=buf)
buf.writelines(['x\n', 'y\n'])
print(buf.getvalue().splitlines())

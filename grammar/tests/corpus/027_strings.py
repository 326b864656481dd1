a = 'single'
b = "double"
c = """triple
double"""
d = '''triple
single'''
e = r"raw\n"
f = b"bytes\x00"
g = rb"raw bytes\d"
h = Br'mixed'
i = "implicit" " concatenation" \
    " across lines"
j = "escapes: \n \t \\ \' \" \a \b \f \v \101 \x41 \u0041 \U00000041"
k = "invalid escape kept: \d"
l = U"unicode prefix"
m = "é and 中文"

# bytes()/bytearray() of a str encode it with the named codec and error handler.
print(bytes('é', 'latin-1'), bytearray('é', 'utf-16'), bytes('a€', 'ascii', 'replace'), bytes('x', encoding='utf-8'))
try: bytes('€', 'latin-1')
except UnicodeEncodeError as e: print(e)
try: bytes('x', 'nope')
except LookupError as e: print(e)
try: bytes(5, 'utf-8')
except TypeError as e: print(e)

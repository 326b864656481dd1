# calcsize: native alignment with @ versus packed standard sizes.
import struct

for fmt in ['b', 'h', 'i', 'q', 'd', 'bi', '@bi', '=bi', '<bi', 'ib', '@bq', 'c?h', '3s', '2h3x', '<5s2i', 'e', 'f']:
    print(fmt, struct.calcsize(fmt))
print(len(struct.pack('@bi', 1, 2)), struct.pack('@bi', 1, 2))

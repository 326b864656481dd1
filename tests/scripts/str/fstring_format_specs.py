# f-string format specs: width, align, fill, sign, precision, types, nested fields.
v, f, s = 1234567, -3.14159, "text"
print(f"[{v:10}] [{v:<10}] [{v:^10}] [{v:>10}] [{v:*^11}] [{v:010}] [{v:,}] [{v:_}]")
print(f"[{f:.2f}] [{f:10.3f}] [{f:<10.1f}] [{f:+.0f}] [{-f: .2f}] [{f:e}] [{f:.3E}] [{f:g}] [{f:%}]")
print(f"[{s:8}] [{s:>8}] [{s:^9}] [{s:.2}] [{s:-<8.3}]")
print(f"[{255:x}] [{255:X}] [{255:#x}] [{255:o}] [{255:#o}] [{255:b}] [{255:#b}] [{65:c}] [{255:#010x}]")
width, prec = 12, 4
print(f"[{f:{width}.{prec}f}] [{s:{'^'}{width}}] [{v:{width},}]")
print(f"[{0.000123456:.3g}] [{123456789.0:.3g}] [{1e20:g}] [{0.5:.0%}] [{1/3:.10f}]")
print(f"[{True}] [{True:d}] [{None}] [{3:=+6}] [{-3:=6}]")
print(f"[{12345.6789:,.2f}] [{-0.0:.1f}] [{float('inf'):8}] [{float('nan'):+}]")

x = -a ** b * c + d << e & f ^ g | h
y = a < b < c
z = not a and b or c

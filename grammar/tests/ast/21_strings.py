'a' "b" '''c'''
b'x' rb'\\d'
'\x41\n\d'

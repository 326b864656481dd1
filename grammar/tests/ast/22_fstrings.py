f'a{b!r:>{w}}c' 'd'
f'{x=}'
f'{x = :>5}'

# Undo history with deepcopy snapshots.
import copy

board = [['.'] * 3 for _ in range(3)]
history = []
for r, c, mark in [(0, 0, 'X'), (1, 1, 'O'), (2, 2, 'X')]:
    history.append(copy.deepcopy(board))
    board[r][c] = mark
print(board)
while history:
    board = history.pop()
    print(''.join(''.join(row) for row in board))

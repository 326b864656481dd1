# A small state machine driven by an Enum.
from enum import Enum


class State(Enum):
    IDLE = 'idle'
    RUNNING = 'running'
    DONE = 'done'


TRANSITIONS = {State.IDLE: [State.RUNNING], State.RUNNING: [State.DONE, State.IDLE], State.DONE: []}


def step(state, target):
    if target not in TRANSITIONS[state]:
        raise ValueError(f'cannot go from {state.name} to {target.name}')
    return target


s = State.IDLE
for t in [State.RUNNING, State.IDLE, State.RUNNING, State.DONE, State.IDLE]:
    try:
        s = step(s, t)
        print('now', s, s.value)
    except ValueError as e:
        print('error:', e)
print(sorted(st.value for st in State), State('done') is State.DONE)

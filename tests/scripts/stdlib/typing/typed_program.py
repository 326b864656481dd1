# A typed program: annotations everywhere, behaviour unchanged.
from typing import Dict, List, Optional
from dataclasses import dataclass


@dataclass
class Account:
    owner: str
    balance: float = 0.0
    history: Optional[List[float]] = None

    def deposit(self, amount: float) -> None:
        self.balance += amount
        if self.history is None:
            self.history = []
        self.history.append(amount)


def totals(accounts: List[Account]) -> Dict[str, float]:
    return {a.owner: a.balance for a in accounts}


accs: List[Account] = [Account('ann'), Account('bob', 5.0)]
accs[0].deposit(10)
accs[1].deposit(2.5)
print(totals(accs), accs[0].history)

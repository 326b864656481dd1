# Concrete subclasses of ABCs take constructor arguments and use super() normally.
from abc import ABC, abstractmethod


class Account(ABC):
    count = 0

    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        Account.count += 1

    @abstractmethod
    def fee(self):
        ...

    def withdraw(self, amount):
        total = amount + self.fee()
        if total > self.balance:
            raise ValueError(f"{self.owner}: insufficient funds for {total}")
        self.balance -= total
        return self.balance

    def __repr__(self):
        return f"{type(self).__name__}({self.owner!r}, {self.balance})"


class Checking(Account):
    def fee(self):
        return 1


class Savings(Account):
    def __init__(self, owner, balance=0, rate=0.02):
        super().__init__(owner, balance)
        self.rate = rate

    def fee(self):
        return 0


accounts = [Checking("ann", 10), Savings("bob", balance=100, rate=0.05)]
for a in accounts:
    print(a, a.withdraw(5))
try:
    accounts[0].withdraw(50)
except ValueError as e:
    print(e)
print(Account.count, accounts[1].rate)
try:
    Account("x")
except TypeError as e:
    print(e)

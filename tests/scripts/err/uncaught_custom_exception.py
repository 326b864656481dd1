# A custom exception class with __init__ and __str__, uncaught.
class InsufficientFunds(Exception):
    def __init__(self, balance, amount):
        super().__init__(balance, amount)
        self.balance = balance
        self.amount = amount

    def __str__(self):
        return f"cannot withdraw {self.amount}: balance is {self.balance}"

class Account:
    def __init__(self, balance):
        self.balance = balance

    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(self.balance, amount)
        self.balance -= amount
        return self.balance

acct = Account(100)
print(acct.withdraw(30))
print(acct.withdraw(80))

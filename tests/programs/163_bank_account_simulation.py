# Realistic: bank account simulation with classes, custom exceptions and a transaction log
class BankError(Exception):
    pass
class InsufficientFunds(BankError):
    def __init__(self, account, amount):
        super().__init__(f"{account.owner}: cannot withdraw {amount}, balance {account.balance}")
        self.shortfall = amount - account.balance
class AccountFrozen(BankError):
    pass
class Account:
    _next_id = 1000
    def __init__(self, owner, balance=0):
        self.id = Account._next_id
        Account._next_id += 1
        self.owner = owner
        self.balance = balance
        self.frozen = False
        self.history = [("open", balance)]
    def _check(self, amount):
        if self.frozen:
            raise AccountFrozen(f"account {self.id} is frozen")
        if amount <= 0:
            raise ValueError(f"amount must be positive, got {amount}")
    def deposit(self, amount):
        self._check(amount)
        self.balance += amount
        self.history.append(("deposit", amount))
    def withdraw(self, amount):
        self._check(amount)
        if amount > self.balance:
            raise InsufficientFunds(self, amount)
        self.balance -= amount
        self.history.append(("withdraw", amount))
    def __repr__(self):
        return f"<{type(self).__name__} {self.id} {self.owner} balance={self.balance}>"
class SavingsAccount(Account):
    def __init__(self, owner, balance=0, rate=0.02):
        super().__init__(owner, balance)
        self.rate = rate
    def add_interest(self):
        interest = round(self.balance * self.rate)
        if interest:
            self.deposit(interest)
        return interest
class CheckingAccount(Account):
    def __init__(self, owner, balance=0, overdraft=100):
        super().__init__(owner, balance)
        self.overdraft = overdraft
    def withdraw(self, amount):
        self._check(amount)
        if amount > self.balance + self.overdraft:
            raise InsufficientFunds(self, amount)
        self.balance -= amount
        self.history.append(("withdraw", amount))
class Bank:
    def __init__(self):
        self.accounts = {}
        self.log = []
    def open(self, cls, *args, **kwargs):
        acct = cls(*args, **kwargs)
        self.accounts[acct.id] = acct
        return acct
    def transfer(self, src_id, dst_id, amount):
        src, dst = self.accounts[src_id], self.accounts[dst_id]
        try:
            src.withdraw(amount)
        except BankError as e:
            self.log.append(f"FAILED transfer {amount} {src.id}->{dst.id}: {type(e).__name__}")
            raise
        try:
            dst.deposit(amount)
        except BankError:
            src.deposit(amount)
            self.log.append(f"ROLLBACK transfer {amount} {src.id}->{dst.id}")
            raise
        else:
            self.log.append(f"OK transfer {amount} {src.id}->{dst.id}")
        finally:
            self.log.append(f"  balances now {src.balance}/{dst.balance}")
    def total(self):
        return sum(a.balance for a in self.accounts.values())
bank = Bank()
alice = bank.open(SavingsAccount, "alice", 500, rate=0.05)
bob = bank.open(CheckingAccount, "bob", 50)
carol = bank.open(Account, "carol")
print(alice, bob, carol, sep="\n")
ops = [
    ("deposit", carol.id, 200), ("withdraw", bob.id, 120), ("withdraw", bob.id, 100),
    ("transfer", alice.id, carol.id, 300), ("transfer", carol.id, bob.id, 1000),
    ("withdraw", alice.id, -5), ("freeze", carol.id), ("transfer", alice.id, carol.id, 10),
    ("deposit", carol.id, 5), ("unfreeze", carol.id), ("interest", alice.id), ("transfer", bob.id, alice.id, 30),
]
for op in ops:
    kind, acct_id, *rest = op
    acct = bank.accounts[acct_id]
    try:
        if kind == "deposit":
            acct.deposit(rest[0])
        elif kind == "withdraw":
            acct.withdraw(rest[0])
        elif kind == "transfer":
            bank.transfer(acct_id, rest[0], rest[1])
        elif kind == "freeze":
            acct.frozen = True
        elif kind == "unfreeze":
            acct.frozen = False
        elif kind == "interest":
            print("  interest paid:", acct.add_interest())
        print(f"{kind:<9} ok    -> {acct}")
    except InsufficientFunds as e:
        print(f"{kind:<9} FAIL  -> {e} (short by {e.shortfall})")
    except (AccountFrozen, ValueError) as e:
        print(f"{kind:<9} ERROR -> {type(e).__name__}: {e}")
print("\n".join(bank.log))
for a in bank.accounts.values():
    print(a.owner, a.history)
print("bank total:", bank.total())
print(sorted(bank.accounts.values(), key=lambda a: -a.balance))

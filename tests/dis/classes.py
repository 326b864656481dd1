class Base:
    """Doc."""
    attr = 1
    def __init__(self, v):
        self.v = v
    def method(self):
        return self.v
class Child(Base):
    x: int = 3
    def method(self):
        return super().method() + 1
    @property
    def double(self):
        return self.v * 2
    @staticmethod
    def s():
        return __class__

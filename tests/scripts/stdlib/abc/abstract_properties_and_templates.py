# Template-method pattern on an ABC with abstract properties and a concrete algorithm.
from abc import ABC, abstractmethod


class Report(ABC):
    @property
    @abstractmethod
    def title(self):
        ...

    @abstractmethod
    def rows(self):
        ...

    def render(self):
        lines = [self.title, "-" * len(self.title)]
        lines += [f"{k:<8}{v:>6}" for k, v in self.rows()]
        return "\n".join(lines)


class Sales(Report):
    title = "Sales"

    def rows(self):
        return [("north", 120), ("south", 75)]


class Broken(Report):
    def rows(self):
        return []


print(Sales().render())
try:
    Broken()
except TypeError as e:
    print(e)
print(Report.__abstractmethods__ == frozenset({"title", "rows"}), Sales.__abstractmethods__)

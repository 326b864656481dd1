# Helper package (not a test).
print("_shop package init")
VERSION = (1, 2)
from . import cart
from .cart import Cart

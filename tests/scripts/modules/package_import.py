# Importing a package and its submodule from the test folder.
import _shop
print(_shop.VERSION, _shop.__name__, _shop.cart.__name__)
from _shop.cart import Cart
print(Cart is _shop.Cart)
cart = Cart().add("apple", 3).add("pear").add("apple")
print(cart.items, cart.total({"apple": 2, "pear": 5}))
import _shop.cart as cart_mod
print(cart_mod is _shop.cart)

# Subscript errors mark the value with ~ and the [key] with ^.
data = {"a": {"b": None}}
value = data["a"]["b"]["c"]

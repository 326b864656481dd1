# NameError raised in a nested function suggests nothing when no name is close.
def outer():
    def innr():
        return undefined_name_here
    return innr()
outer()

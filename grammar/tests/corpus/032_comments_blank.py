# leading comment

x = 1  # trailing comment

# between

def f():
    # inside
    return 1  # end

    # after blank, still inside

y = 2

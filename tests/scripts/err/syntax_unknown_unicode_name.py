# An unknown name in a \N{...} escape is a SyntaxError.
print("start")
s = "ok \N{NO SUCH CHARACTER NAME}"

while x:
# comment
break

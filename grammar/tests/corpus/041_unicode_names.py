café = 1
π = 3.14159
名前 = "name"
_private = café + π

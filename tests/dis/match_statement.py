def classify(p):
    match p:
        case [x, *rest] if x:
            return rest
        case {"k": v, **kw}:
            return kw
        case Point(0, y=q) | Point(q, 0):
            return q
        case (1 | 2) as small:
            return small
        case None:
            return None
        case _:
            return p

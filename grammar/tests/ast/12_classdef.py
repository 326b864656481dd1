class A(B, *c, metaclass=M, **kw):
    '''doc'''

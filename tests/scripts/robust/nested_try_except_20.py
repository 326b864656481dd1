# 20 nested try/except: the innermost handler passes the static block limit.
print('never runs')
try:
    try:
        try:
            try:
                try:
                    try:
                        try:
                            try:
                                try:
                                    try:
                                        try:
                                            try:
                                                try:
                                                    try:
                                                        try:
                                                            try:
                                                                try:
                                                                    try:
                                                                        try:
                                                                            try:
                                                                                x = 1
                                                                            except ValueError:
                                                                                pass
                                                                        except ValueError:
                                                                            pass
                                                                    except ValueError:
                                                                        pass
                                                                except ValueError:
                                                                    pass
                                                            except ValueError:
                                                                pass
                                                        except ValueError:
                                                            pass
                                                    except ValueError:
                                                        pass
                                                except ValueError:
                                                    pass
                                            except ValueError:
                                                pass
                                        except ValueError:
                                            pass
                                    except ValueError:
                                        pass
                                except ValueError:
                                    pass
                            except ValueError:
                                pass
                        except ValueError:
                            pass
                    except ValueError:
                        pass
                except ValueError:
                    pass
            except ValueError:
                pass
        except ValueError:
            pass
    except ValueError:
        pass
except ValueError:
    pass

# 21 nested loops pass CPython's static block limit: SyntaxError at the innermost loop.
print('never runs')
for i in [1]:
    for i in [1]:
        for i in [1]:
            for i in [1]:
                for i in [1]:
                    for i in [1]:
                        for i in [1]:
                            for i in [1]:
                                for i in [1]:
                                    for i in [1]:
                                        for i in [1]:
                                            for i in [1]:
                                                for i in [1]:
                                                    for i in [1]:
                                                        for i in [1]:
                                                            for i in [1]:
                                                                for i in [1]:
                                                                    for i in [1]:
                                                                        for i in [1]:
                                                                            for i in [1]:
                                                                                for i in [1]:
                                                                                    print(i)

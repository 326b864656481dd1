# 20 nested loops are within CPython's static block limit, in a module and a function.
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
                                                                                print('module', i)
def f():
    for j in [2]:
        for j in [2]:
            for j in [2]:
                for j in [2]:
                    for j in [2]:
                        for j in [2]:
                            for j in [2]:
                                for j in [2]:
                                    for j in [2]:
                                        for j in [2]:
                                            for j in [2]:
                                                for j in [2]:
                                                    for j in [2]:
                                                        for j in [2]:
                                                            for j in [2]:
                                                                for j in [2]:
                                                                    for j in [2]:
                                                                        for j in [2]:
                                                                            for j in [2]:
                                                                                for j in [2]:
                                                                                    print('function', j)
f()

# 21 nested while loops pass CPython's static block limit.
print('never runs')
while True:
    while True:
        while True:
            while True:
                while True:
                    while True:
                        while True:
                            while True:
                                while True:
                                    while True:
                                        while True:
                                            while True:
                                                while True:
                                                    while True:
                                                        while True:
                                                            while True:
                                                                while True:
                                                                    while True:
                                                                        while True:
                                                                            while True:
                                                                                while True:
                                                                                    break

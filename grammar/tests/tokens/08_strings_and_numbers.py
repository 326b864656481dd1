x = rb'a' f"{y}" 0x_f 1e3 .5 1_0

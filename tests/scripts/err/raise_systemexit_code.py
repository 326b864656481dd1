# raise SystemExit(n) directly; finally blocks still run on the way out.
def shutdown():
    try:
        print("shutting down")
        raise SystemExit(5)
    finally:
        print("cleanup in finally")

shutdown()

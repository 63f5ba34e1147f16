# sys.exit(3): no traceback, process exit code 3, output before the exit is still flushed
import sys
import atexit
atexit.register(lambda: print("atexit handler runs after SystemExit"))
def cleanup_message():
    print("finally block runs during sys.exit")
def main():
    total = 0
    for i in range(5):
        total += i
        print("step", i, "total", total)
    try:
        if total > 5:
            print("exiting with status 3")
            sys.exit(3)
    finally:
        cleanup_message()
    print("not printed")
try:
    main()
finally:
    print("module-level finally also runs")
print("not printed either")

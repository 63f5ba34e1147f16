# Runs forever; with --fuel the interpreter hands control back to the host every N instructions.
import time

count = 0
while True:
    count += 1
    if count % 1_000_000 == 0:
        print("still counting:", count)
        time.sleep(0.5)

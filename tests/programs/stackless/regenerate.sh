#!/bin/sh
# Regenerates the expected output (`.out`) of every program here with CPython and the
# reference `stackless` module in reference/ (threads handing off a single baton).
# With --check, only reports the programs whose output differs from their `.out`.
cd "$(dirname "$0")" || exit 1
status=0
for prog in *.py; do
    out="${prog%.py}.out"
    if ! got=$(PYTHONPATH=reference timeout 60 python3 "$prog" 2>&1); then
        echo "failed under CPython: $prog"
        status=1
        continue
    fi
    if [ "$1" = "--check" ]; then
        if [ ! -f "$out" ] || [ "$got" != "$(cat "$out")" ]; then
            echo "differs: $prog"
            status=1
        fi
    else
        printf '%s\n' "$got" > "$out"
    fi
done
exit $status

#!/usr/bin/env bash
# Regenerate the expected outputs of the test corpus from CPython.
#
#   tests/programs/regen.sh            # all programs
#   tests/programs/regen.sh 012 150    # only programs whose name starts with these prefixes
#
# For every NNN_topic.py this writes NNN_topic.out (stdout). Programs whose name
# contains "_uncaught_" are expected to terminate with an uncaught exception or
# sys.exit(); for them NNN_topic.err (stderr) and NNN_topic.code (exit status)
# are written as well. All other programs must exit with status 0 and print
# nothing on stderr; otherwise this script reports an error.
#
# CPython >= 3.9 shows the absolute path of the main script in tracebacks, so
# the directory prefix is stripped from .err files to make them independent of
# where the repository is checked out (File "/abs/dir/NNN_x.py" -> File "NNN_x.py").
#
# Set PYTHON to choose the interpreter. The default is CPython 3.13, the release closest to
# the Python that RustPython 0.6 implements (3.14), when the machine has it; else python3.
set -u
cd "$(dirname "$0")"
default_python=python3
for candidate in /root/.pyenv/versions/3.13.0/bin/python3 python3.13; do
    if "$candidate" -c 'import sys; assert sys.version_info[:2] == (3, 13)' >/dev/null 2>&1; then
        default_python=$candidate
        break
    fi
done
PY="${PYTHON:-$default_python}"
DIR="$(pwd -P)"
status=0
shopt -s nullglob
files=()
if [ $# -eq 0 ]; then
    files=([0-9][0-9][0-9]_*.py)
else
    for p in "$@"; do files+=("$p"*.py); done
fi
for f in "${files[@]}"; do
    base="${f%.py}"
    "$PY" "$f" > "$base.out" 2> "$base.stderr.tmp"
    rc=$?
    if [[ "$base" == *_uncaught_* ]]; then
        sed -e "s#File \"$DIR/#File \"#g" "$base.stderr.tmp" > "$base.err"
        echo "$rc" > "$base.code"
        if [ "$rc" -eq 0 ]; then
            echo "ERROR: $f was expected to fail but exited with status 0" >&2
            status=1
        fi
    else
        rm -f "$base.err" "$base.code"
        if [ "$rc" -ne 0 ] || [ -s "$base.stderr.tmp" ]; then
            echo "ERROR: $f exited with status $rc and/or wrote to stderr:" >&2
            cat "$base.stderr.tmp" >&2
            status=1
        fi
    fi
    rm -f "$base.stderr.tmp"
done
echo "regenerated ${#files[@]} program(s) with $("$PY" --version 2>&1)"
exit $status

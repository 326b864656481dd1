#!/usr/bin/env bash
# Regenerate expected outputs for tests/scripts/{async,sync_prim,net} with CPython 3.11.
# Usage: tests/scripts/regen-async.sh [file.py ...]   (run from anywhere)
# For every program: <name>.out = stdout; when the exit status is non-zero also
# <name>.code (status) and <name>.stderr_last (last non-empty stderr line).
set -u
shopt -s nullglob
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
PY="${PYTHON:-python3}"
export PYTHONIOENCODING=utf-8
if [ "$#" -gt 0 ]; then
    files=("$@")
else
    files=(tests/scripts/async/*.py tests/scripts/sync_prim/*.py tests/scripts/net/*.py)
fi
tmp="$(mktemp)"
trap 'rm -f "$tmp"' EXIT
for f in "${files[@]}"; do
    # gyre-only behaviour (e.g. the deadlock report): hand-checked expectations, keep them
    case "$(head -n 1 "$f")" in "# gyre only"*) continue ;; esac
    base="${f%.py}"
    "$PY" "$f" > "$base.out" 2> "$tmp" < /dev/null
    rc=$?
    if [ "$rc" -ne 0 ]; then
        echo "$rc" > "$base.code"
        grep -v '^[[:space:]]*$' "$tmp" | tail -n 1 > "$base.stderr_last"
    else
        rm -f "$base.code" "$base.stderr_last"
    fi
done

#!/usr/bin/env bash
# Regenerate every expected-output file under tests/scripts from CPython 3.11.
# Run from anywhere; it changes to the project root so tracebacks name
# files as tests/scripts/<area>/<name>.py.
#   tests/scripts/regen.sh            # all tests
#   tests/scripts/regen.sh str/ exc/  # only paths containing one of these strings
set -u
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root" || exit 2
PY="${PYTHON:-python3}"
ver="$("$PY" -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
if [ "$ver" != "3.11" ]; then
    echo "regen.sh: $PY is Python $ver, expected 3.11" >&2
    exit 2
fi
export PYTHONIOENCODING=utf-8 PYTHONDONTWRITEBYTECODE=1
unset PYTHONPATH PYTHONSTARTUP PYTHONWARNINGS PYTHONHASHSEED
n=0
while IFS= read -r py; do
    # helper modules and packages: any path component starting with "_"
    case "/${py#tests/scripts/}" in */_*) continue ;; esac
    if [ $# -gt 0 ]; then
        keep=0
        for f in "$@"; do case "$py" in *"$f"*) keep=1 ;; esac; done
        [ $keep = 1 ] || continue
    fi
    # gyre-only behaviour (e.g. the deadlock report): hand-checked expectations, keep them
    case "$(head -n 1 "$py")" in "# gyre only"*) continue ;; esac
    stem="${py%.py}"
    "$PY" "$py" > "$stem.out" 2> "$stem.stderr.tmp" < /dev/null
    rc=$?
    if [ $rc -ne 0 ]; then
        echo "$rc" > "$stem.code"
        # CPython 3.11 makes the __main__ path (and sys.path[0]) absolute, so its
        # tracebacks name "$root/tests/scripts/...". Strip the checkout root so
        # the expected files read "tests/scripts/<area>/<name>.py" everywhere.
        err="$(cat "$stem.stderr.tmp"; printf x)"
        err="${err%x}"
        printf '%s' "${err//"$root/"/}" > "$stem.stderr"
        rm -f "$stem.stderr.tmp"
    else
        rm -f "$stem.code" "$stem.stderr" "$stem.stderr.tmp"
    fi
    n=$((n + 1))
done < <(find tests/scripts -name '*.py' -not -path '*/__pycache__/*' | LC_ALL=C sort)
echo "regenerated $n tests"

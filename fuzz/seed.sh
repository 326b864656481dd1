#!/usr/bin/env bash
# Seeds the corpora of the source-driven targets (parse, compile, exec) from the behaviour
# test scripts. Corpora live in fuzz/corpus/ and are not committed (see .gitignore).
set -euo pipefail
cd "$(dirname "$0")"
for target in parse compile exec; do
    mkdir -p "corpus/$target"
    find ../tests/scripts -name '*.py' -size -64k | while read -r script; do
        # Flatten the path so scripts with the same name in different areas both land.
        name=$(echo "${script#../tests/scripts/}" | tr '/' '_')
        cp "$script" "corpus/$target/$name"
    done
done
mkdir -p corpus/structured
echo "seeded: $(ls corpus/parse | wc -l) scripts each into corpus/{parse,compile,exec}"

#!/usr/bin/env bash
# Search quality side by side: CareKiosk, SQLite FTS5 and MiniSearch on the
# same evaluation sets, in one run, each given the same indexed text
# (`carekiosk search --documents`). Prints a Markdown table.
#
# usage: bench/search/compare.sh BUILD_DIR [SET...]
#   default sets: the held-out ones (tests/data/search/sets/README.md)
# Needs node and npm (MiniSearch is installed into bench/search/engines/).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
exe=$1/carekiosk
shift
sets=("$@")
if [ ${#sets[@]} -eq 0 ]; then
    sets=("$repo/tests/data/search/sets/cataract-en" "$repo/tests/data/search/sets/colonoscopy-en"
          "$repo/tests/data/search/sets/depilacion-laser-es" "$repo/tests/data/search/sets/wisdom-teeth-en"
          "$repo/tests/data/search/sets/hearing-aids-en")
fi
(cd "$here/engines" && npm ci --no-audit --no-fund --silent >/dev/null)
echo "| set | engine | top-1 | recall@3 | nothing shown | off-topic confident | question | paraphrase | typo | morph | prefix | exact |"
echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for set in "${sets[@]}"; do
    for engine in carekiosk fts5 minisearch; do
        python3 "$here/quality.py" --engine "$engine" --exe "$exe" --json "$set" | python3 -c '
import json, sys
f = json.loads(sys.stdin.read())
k = f["kinds"]
cells = [f["set"], f["engine"]] + ["%.3f" % f[x] for x in ("top1", "recall3", "nothing", "offtopic")]
cells += ["%.2f" % k.get(x, 0) for x in ("question", "paraphrase", "typo", "morph", "prefix", "exact")]
print("| " + " | ".join(cells) + " |")'
    done
done

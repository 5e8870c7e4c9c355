#!/bin/bash
# Search benchmark on synthetic content with 1k, 10k and 100k extra entries
# (see gen_content.py): index build time, cached open time (median of 5 runs,
# warm OS cache), per-keystroke query latency and index size.
#
# Per-keystroke latency: each of the 50 queries in keystroke_queries.txt (20
# characters each) is typed one key at a time, and every prefix (1, 2, ... 20
# characters) is a search, as the kiosk runs one per key; p50 and p99 over
# those 1000 searches, timed inside the process (`latency_ms` of
# `carekiosk search --stdin`), 8 results as on the kiosk's search screen.
# The sequence runs 3 times (a new process each, opening the cached index);
# each prefix counts with its median time, so that another process taking
# the CPU for a moment does not decide the p99.
#
# usage: bench/search/run.sh BUILD_DIR        (writes a Markdown table to stdout)
#   SIZES="1000 10000"  choose the sizes (default: 1000 10000 100000)
#   CAREKIOSK=path      use another executable than BUILD_DIR/carekiosk
set -euo pipefail

if [ $# -ne 1 ]; then
    echo "usage: $0 BUILD_DIR" >&2
    exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
exe=${CAREKIOSK:-$1/carekiosk}
sizes=${SIZES:-"1000 10000 100000"}
if [ ! -x "$exe" ]; then
    echo "no executable at $exe (build the carekiosk target first)" >&2
    exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Every prefix of every query, in typing order.
awk '{ for (i = 1; i <= length($0); i++) print substr($0, 1, i) }' "$here/keystroke_queries.txt" > "$work/keys.txt"

# Field N of the "index" line that `search --timing` prints to stderr.
index_field() { awk -F'\t' -v n="$2" '$1 == "index" { print $n; exit }' "$1"; }
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

echo "| synthetic entries (+56 bundled) | index build | cached open | keystroke p50 | keystroke p99 | index size |"
echo "|---:|---:|---:|---:|---:|---:|"
for n in $sizes; do
    content="$work/content-$n"
    cache="$work/cache-$n"
    /usr/bin/python3 "$here/gen_content.py" "$repo/content" "$content" "$n"
    run() { "$exe" search --content "$content" --cache-dir "$cache" --max 8 --timing --stdin "$@"; }
    run < /dev/null > /dev/null 2> "$work/build.err"
    if [ "$(index_field "$work/build.err" 3)" != rebuilt ]; then
        echo "expected a new index for $n entries" >&2
        cat "$work/build.err" >&2
        exit 1
    fi
    build_ms=$(index_field "$work/build.err" 4)
    for i in 1 2 3 4 5; do
        run < /dev/null > /dev/null 2> "$work/open.err"
        if [ "$(index_field "$work/open.err" 3)" != cached ]; then
            echo "the cached index was not reused for $n entries" >&2
            cat "$work/open.err" >&2
            exit 1
        fi
        index_field "$work/open.err" 4
    done | sed 's/ ms$//' | median > "$work/open_ms"
    bytes=$(index_field "$work/open.err" 5)
    for i in 1 2 3; do
        run < "$work/keys.txt" > "$work/keys-$i.json" 2> /dev/null
    done
    percentiles=$(/usr/bin/python3 - "$work"/keys-*.json <<'PY'
import json, statistics, sys
runs = [[json.loads(line)["latency_ms"] for line in open(name)] for name in sys.argv[1:]]
times = sorted(statistics.median(run[i] for run in runs) for i in range(len(runs[0])))
pick = lambda q: times[min(len(times) - 1, int(q * len(times)))]
print("%.2f ms | %.2f ms" % (pick(0.50), pick(0.99)))
PY
)
    printf "| %d | %.1f s | %.1f ms | %s | %.1f MB |\n" "$n" "$(echo "${build_ms% ms}" | awk '{ print $1 / 1000 }')" \
        "$(cat "$work/open_ms")" "$percentiles" "$(echo "${bytes% bytes}" | awk '{ print $1 / 1048576 }')"
    rm -rf "$content" "$cache"
done

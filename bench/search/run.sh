#!/bin/bash
# Search benchmark: index build time, cached open time (warm OS cache),
# query latency over the English query set, and index size, for synthetic
# content with 1k, 10k and 100k extra questions (see gen_content.py).
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
grep -v '^#' "$repo/tests/data/search/queries_en.tsv" | cut -f1 > "$work/queries.txt"

# Field N of the "index" line that `search --timing` prints to stderr.
index_field() { awk -F'\t' -v n="$2" '$1 == "index" { print $n; exit }' "$1"; }

echo "| synthetic Q&As (+56 bundled docs) | index build | cached open | query p50 | query p95 | index size |"
echo "|---:|---:|---:|---:|---:|---:|"
for n in $sizes; do
    content="$work/content-$n"
    cache="$work/cache-$n"
    /usr/bin/python3 "$here/gen_content.py" "$repo/content" "$content" "$n"
    "$exe" search --content "$content" --cache-dir "$cache" --timing --stdin < /dev/null > /dev/null 2> "$work/build.err"
    "$exe" search --content "$content" --cache-dir "$cache" --timing --stdin < "$work/queries.txt" \
        > /dev/null 2> "$work/query.err"
    if [ "$(index_field "$work/build.err" 3)" != rebuilt ] || [ "$(index_field "$work/query.err" 3)" != cached ]; then
        echo "unexpected index state for $n entries" >&2
        cat "$work/build.err" "$work/query.err" >&2
        exit 1
    fi
    build_ms=$(index_field "$work/build.err" 4)
    open_ms=$(index_field "$work/query.err" 4)
    bytes=$(index_field "$work/query.err" 5)
    percentiles=$(awk -F'\t' '$1 == "query_us" { print $2 }' "$work/query.err" | sort -n |
        awk '{ v[NR] = $1 } END { p50 = v[int(NR * 0.50 + 0.5)]; p95 = v[int(NR * 0.95 + 0.5)];
                                 printf "%.2f ms | %.2f ms", p50 / 1000, p95 / 1000 }')
    printf "| %d | %.0f ms | %.1f ms | %s | %.1f MB |\n" "$n" "${build_ms% ms}" "${open_ms% ms}" "$percentiles" \
        "$(echo "${bytes% bytes}" | awk '{ print $1 / 1048576 }')"
    rm -rf "$content" "$cache"
done

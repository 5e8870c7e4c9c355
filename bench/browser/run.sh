#!/bin/bash
# The kiosk and the clinic's usual alternative side by side, on one X server
# of its own (Xvfb, 1080 x 1920, so both fill the same screen): CareKiosk
# full-screen, and Chromium in kiosk mode showing the same content as a
# static site (bench/browser/make_site.py; no search script, so a lower
# bound of what such a site costs). After one warm-up start of each (caches,
# browser profile), RUNS starts of each, alternating:
#
#   first frame   kiosk: process start to the first frame presented (its
#                 --frame-stats); browser: process start to the first paint
#                 and first contentful paint of the home page, from the
#                 browser's own Paint Timing (a beacon from the page)
#   memory        PSS from /proc/PID/smaps_rollup summed over the program's
#                 processes, 5 s after that paint, on the home page
#
# usage: bench/browser/run.sh BUILD_DIR [CONTENT_DIR]   (Markdown table on stdout)
#   RUNS=5   starts of each program
# Needs Debian's chromium package; without it, says so and exits 0.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
source "$repo/scripts/lib.sh"
source "$repo/bench/lib.sh"
bench_arguments "$0" "$@"
RUNS=${RUNS:-5}
BROWSER=$(command -v chromium || true)
if [ -z "$BROWSER" ]; then
    echo "skipped: no chromium (apt-get install chromium) to compare with" >&2
    exit 0
fi

work=$(mktemp -d)
server=""
cleanup() {
    [ -n "$server" ] && kill "$server" 2>/dev/null
    stop_xvfb 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
XVFB_SCREEN=1080x1920x24 start_xvfb
export XDG_CACHE_HOME="$work/cache"

python3 "$here/make_site.py" "$KIOSK" "$content" "$work/site"
python3 "$here/serve.py" "$work/site" "$work/port" "$work/paints" &
server=$!
wait_for_line "$work/port" '^[0-9]+$' 10
url="http://127.0.0.1:$(cat "$work/port")/index.html"

# tree_pids PID: the process and all its descendants.
tree_pids() {
    ps -e -o pid=,ppid= | awk -v root="$1" '
        { parent[$1] = $2 } END {
            keep[root] = 1; changed = 1
            while (changed) { changed = 0
                for (p in parent) if (!(p in keep) && (parent[p] in keep)) { keep[p] = 1; changed = 1 } }
            for (p in keep) print p }'
}

# tree_pss_kb PID: PSS of PID and all its descendants, and how many they are.
tree_pss_kb() {
    local total=0 count=0 pid pss
    for pid in $(tree_pids "$1"); do
        pss=$(rollup_kb "$pid" Pss)
        [ -n "$pss" ] || continue
        total=$((total + pss))
        count=$((count + 1))
    done
    echo "$total $count"
}

# stop_tree PID: TERM to the process and its descendants, then waits until
# all of them are gone (at most 10 s), so the next start has the machine.
stop_tree() {
    local pids i
    pids=$(tree_pids "$1")
    kill $pids 2>/dev/null || true
    wait "$1" 2>/dev/null || true
    for i in $(seq 1 100); do
        kill -0 $pids 2>/dev/null || break
        sleep 0.1
    done
    sleep 1
}

# One start of the kiosk: "first_frame_ms pss_kB processes".
kiosk_run() {
    local out="$work/kiosk-$1" start pid
    mkdir -p "$out"
    printf 'wait 8000\nquit\n' >"$out/script"
    start=$(now)
    "$KIOSK" --content "$content" --script "$out/script" --frame-stats "$out/frames.txt" \
        --status-file "$out/status" >"$out/log" 2>&1 &
    pid=$!
    wait_for_line "$out/status" '^screen home' 60
    sleep 5
    local memory
    memory=$(tree_pss_kb "$pid")
    wait "$pid" || true   # the frame statistics are written at exit
    echo "$(first_frame_ms "$start" "$out/frames.txt") $memory"
}

# One start of the browser: "first_paint_ms first_contentful_paint_ms pss_kB processes".
browser_run() {
    local out="$work/browser-$1" start pid sandbox=() fp fcp
    mkdir -p "$out"
    : >"$work/paints"
    [ "$(id -u)" = 0 ] && sandbox=(--no-sandbox)   # Chromium refuses to run as root with its sandbox
    start=$(now)
    "$BROWSER" --kiosk --no-first-run --no-default-browser-check --password-store=basic \
        --user-data-dir="$work/profile" "${sandbox[@]}" "$url" >"$out/log" 2>&1 &
    pid=$!
    wait_for_line "$work/paints" '^first-contentful-paint ' 60
    sleep 5
    fp=$(awk -v s="$start" '$1 == "first-paint" { printf "%.0f", $2 - s * 1000 }' "$work/paints")
    fcp=$(awk -v s="$start" '$1 == "first-contentful-paint" { printf "%.0f", $2 - s * 1000 }' "$work/paints")
    echo "$fp $fcp $(tree_pss_kb "$pid")"
    stop_tree "$pid"
}

echo "warming up both (caches, browser profile)" >&2
kiosk_run warm >/dev/null
browser_run warm >/dev/null
for i in $(seq 1 "$RUNS"); do
    kiosk_run "$i" >>"$work/kiosk.txt"
    browser_run "$i" >>"$work/browser.txt"
done
echo "raw runs: kiosk (first frame ms, PSS kB, processes):" >&2
cat "$work/kiosk.txt" >&2
echo "browser (first paint ms, first contentful paint ms, PSS kB, processes):" >&2
cat "$work/browser.txt" >&2

col() { awk -v c="$2" '{ print $c }' "$1" | median; }
range() { echo "$(awk -v c="$2" '{ print $c }' "$1" | minimum)-$(awk -v c="$2" '{ print $c }' "$1" | maximum)"; }
k_ff=$(col "$work/kiosk.txt" 1)
b_fcp=$(col "$work/browser.txt" 2)
k_pss=$(col "$work/kiosk.txt" 2)
b_pss=$(col "$work/browser.txt" 3)
echo "| 1080 x 1920 Xvfb, $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg), medians of $RUNS | CareKiosk | $("$BROWSER" --version 2>/dev/null | awk '{ print $1, $2 }'), kiosk mode | ratio |"
echo "|---|---:|---:|---:|"
echo "| process start to first frame / first contentful paint | $k_ff ms ($(range "$work/kiosk.txt" 1)) | $b_fcp ms ($(range "$work/browser.txt" 2)); first paint $(col "$work/browser.txt" 1) ms | $(awk -v a="$b_fcp" -v b="$k_ff" 'BEGIN { printf "%.1fx", a / b }') |"
echo "| PSS on the home page, all processes | $(mib "$k_pss") MiB ($(col "$work/kiosk.txt" 3) process) | $(mib "$b_pss") MiB ($(col "$work/browser.txt" 4) processes) | $(awk -v a="$b_pss" -v b="$k_pss" 'BEGIN { printf "%.1fx", a / b }') |"

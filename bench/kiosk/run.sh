#!/bin/bash
# Kiosk benchmark under X (Xvfb when no display is set): idle CPU, frame
# cost while flinging through every page, time to the first frame, memory.
#
#   idle CPU      utime+stime of the kiosk process (/proc/PID/stat) over 10 s
#                 on Home with no input, after a 3 s settle
#   frame cost    main-thread CPU (CLOCK_THREAD_CPUTIME_ID) per frame from
#                 `--frame-stats`, on the longest page (largest scroll range)
#                 while an input script flings it down and up: "build" is the
#                 app's own work (input, layout, ImGui draw lists), "GL submit"
#                 is ImGui::Render plus handing the lists to the GL driver;
#                 swap / rasterising are left out (Xvfb rasterises in software)
#   first frame   process start to the first frame presented (wall clock,
#                 and the process CPU spent by then, which a busy machine
#                 does not inflate)
#   memory        VmRSS at idle, VmHWM (peak) over the scroll run
#
# usage: bench/kiosk/run.sh BUILD_DIR [CONTENT_DIR]   (Markdown table on stdout)
#   SIZE=1080x1920   window size (default 1080x1920, portrait)
set -euo pipefail

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
    echo "usage: $0 BUILD_DIR [CONTENT_DIR]" >&2
    exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
exe=$(cd "$1" && pwd)/carekiosk
content=$(cd "${2:-$repo/content}" && pwd)
size=${SIZE:-1080x1920}
[ -x "$exe" ] || { echo "no executable at $exe (build the carekiosk target first)" >&2; exit 1; }
[ "$size" = 1080x1920 ] || echo "note: tile and button positions assume 1080x1920" >&2

work=$(mktemp -d)
pid=""
cleanup() {
    if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
    stop_xvfb 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
source "$repo/scripts/lib.sh"
if ! display_works; then
    start_xvfb
    echo "started Xvfb on $DISPLAY" >&2
fi
export XDG_CACHE_HOME="$work/cache"
hz=$(getconf CLK_TCK)

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
status_kb() { awk -v k="$2:" '$1 == k { print $2 }' "/proc/$1/status"; }
now() { date +%s.%N; }

# --- idle CPU and steady memory -------------------------------------------------
"$exe" --content "$content" --windowed --size "$size" --status-file "$work/status" >"$work/idle.log" 2>&1 &
pid=$!
for _ in $(seq 1 100); do grep -q '^screen home' "$work/status" 2>/dev/null && break; sleep 0.1; done
sleep 3
t0=$(cpu_ticks "$pid")
sleep 10
t1=$(cpu_ticks "$pid")
idle_rss=$(status_kb "$pid" VmRSS)
kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
idle_cpu=$(awk -v d=$((t1 - t0)) -v hz="$hz" 'BEGIN { printf "%.2f", 100 * d / hz / 10 }')

# --- fling through every page ---------------------------------------------------
# Home tiles in kiosk.json order; at 1080x1920 and the default text size tile
# i (from 0) is centred near y = 352 + 216 i. `expect` checks the right page opened.
mapfile -t tiles < <(python3 -c 'import json,sys; print("\n".join(json.load(open(sys.argv[1]))["home_tiles"]))' \
    "$content/kiosk.json")
script="$work/fling.script"
echo "wait 500" >"$script"
for i in "${!tiles[@]}"; do
    id=${tiles[$i]}
    [ "$id" = faq ] && continue
    cat >>"$script" <<SCRIPT
tap 540 $((352 + 216 * i))
wait 400
expect page:$id
drag 540 1500 540 1100 200
wait 2500
drag 540 1500 540 1100 200
wait 2500
drag 540 1100 540 1500 200
wait 2500
drag 540 1100 540 1500 200
wait 2500
drag 540 1700 540 300 150
wait 2500
drag 540 1700 540 300 150
wait 2500
tap 116 51
wait 400
expect home
SCRIPT
done
echo "quit" >>"$script"

start=$(now)
"$exe" --content "$content" --windowed --size "$size" --script "$script" --frame-stats "$work/frames.txt" \
    >"$work/fling.log" 2>&1 &
pid=$!
peak=0
while kill -0 "$pid" 2>/dev/null; do
    hwm=$(status_kb "$pid" VmHWM 2>/dev/null || echo 0)
    [ "${hwm:-0}" -gt "$peak" ] && peak=$hwm
    sleep 0.2
done
if ! wait "$pid"; then
    pid=""
    echo "the fling script failed:" >&2
    cat "$work/fling.log" >&2
    exit 1
fi
pid=""

first_unix=$(awk '$2 == "first_frame_unix" { print $3 }' "$work/frames.txt")
first_ms=$(awk -v a="$start" -v b="$first_unix" 'BEGIN { printf "%.0f", (b - a) * 1000 }')
first_cpu_ms=$(awk '$2 == "first_frame_process_cpu" { printf "%.0f", $3 * 1000 }' "$work/frames.txt")
# The longest page: the largest scroll offset reached (the last two flings
# reach the end of every page).
longest=$(awk '!/^#/ && $5 ~ /^page:/ { if ($6 > max[$5]) max[$5] = $6 } END { for (p in max) print max[p], p }' \
    "$work/frames.txt" | sort -n | tail -n 1)
page=${longest#* }
range=${longest%% *}
# stats COLUMN: mean and p95 of a column over the frames on that page (µs -> ms).
stats() {
    awk -v p="$page" -v c="$1" '!/^#/ && $5 == p { print $c }' "$work/frames.txt" | sort -n \
        | awk '{ v[NR] = $1; s += $1 } END { i = int(NR * 0.95 + 0.5); if (i < 1) i = 1;
                 printf "%.2f ms mean, %.2f ms p95, %.2f ms max (%d frames)", s / NR / 1000, v[i] / 1000,
                        v[NR] / 1000, NR }'
}
total=$(awk -v p="$page" '!/^#/ && $5 == p { print $2 + $3 }' "$work/frames.txt" | sort -n \
    | awk '{ v[NR] = $1; s += $1 } END { i = int(NR * 0.95 + 0.5); if (i < 1) i = 1;
             printf "%.2f ms mean, %.2f ms p95", s / NR / 1000, v[i] / 1000 }')

echo "| measure ($size window, $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)) | value |"
echo "|---|---:|"
echo "| idle CPU, Home, no input, 10 s | ${idle_cpu} % of one core ($((t1 - t0)) ticks at ${hz} Hz) |"
echo "| frame build CPU, fling on the longest page ($page, ${range%.*} px of scroll) | $(stats 2) |"
echo "| GL submit CPU (ImGui::Render + GL calls), same frames | $(stats 3) |"
echo "| main-thread CPU per frame, build + submit | $total |"
echo "| swap / rasterise wall time (software GL under Xvfb, not the app) | $(stats 4) |"
echo "| process start to first frame presented: wall / process CPU | ${first_ms} ms / ${first_cpu_ms} ms |"
echo "| memory: RSS at idle / peak RSS over the run | $((idle_rss / 1024)) MiB / $((peak / 1024)) MiB |"

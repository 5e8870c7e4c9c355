#!/bin/bash
# Kiosk benchmark of one content folder under X (Xvfb when no display is
# set): idle CPU, frame cost while flinging through every page, time to the
# first frame (cold and warm caches), memory (PSS and RSS) and live reload.
# The measurements are in bench/lib.sh; bench/run runs them on the bundled
# and a generated large folder side by side, with the targets.
#
#   idle CPU      utime+stime of the kiosk process (/proc/PID/stat) over 10 s
#                 on Home with no input, after a 3 s settle
#   frame cost    main-thread CPU (CLOCK_THREAD_CPUTIME_ID) per frame from
#                 `--frame-stats`, on the longest page (largest scroll range)
#                 while an input script flings it down and up: "build" is the
#                 app's own work (input, layout, ImGui draw lists), "submit"
#                 is ImGui::Render plus handing the lists to the GL driver;
#                 swap / rasterising are left out (Xvfb rasterises in software)
#   first frame   process start to the first frame presented (wall clock,
#                 and the process CPU spent by then, which a busy machine
#                 does not inflate)
#   memory        PSS and RSS from /proc/PID/smaps_rollup: steady = Home,
#                 idle, after a warm start and after the first start (empty
#                 caches); peak = highest sample (every 0.5 s) while flinging
#   reload        a page rewritten while the kiosk scrolls: write to swap
#
# usage: bench/kiosk/run.sh BUILD_DIR [CONTENT_DIR]   (Markdown table on stdout)
#   SIZE=1080x1920   window size (default 1080x1920, portrait)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
source "$repo/scripts/lib.sh"
source "$repo/bench/lib.sh"
bench_arguments "$0" "$@"
SIZE=${SIZE:-1080x1920}
[ "$SIZE" = 1080x1920 ] || echo "note: tile and button positions assume 1080x1920" >&2

bench_workspace

# A snapshot: edits in the folder meanwhile would reload the kiosk mid-run.
cp -r "$content" "$BENCH_WORK/content"
measure_folder "$BENCH_WORK/content" >"$BENCH_WORK/results"
echo "| measure ($SIZE window, $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)) | value |"
echo "|---|---:|"
awk -F'\t' '{ printf "| %s | %s |\n", $1, $2 }' "$BENCH_WORK/results"

# Shell functions shared by the kiosk benchmarks (bench/run,
# bench/kiosk/run.sh) and scripts/soak: CPU and memory of a process from
# /proc, time stamps, medians, and the kiosk measurements themselves.
# Source it after scripts/lib.sh; it defines functions only.
#
# [SECTION] Reading /proc
# [SECTION] Numbers
# [SECTION] Kiosk runs
# [SECTION] Measurements of one content folder

# ---------------------------------------------------------------------------
# [SECTION] Reading /proc
# ---------------------------------------------------------------------------

now() { echo "$EPOCHREALTIME"; }   # unix time in µs, without starting a process

# utime + stime of a process, in clock ticks (getconf CLK_TCK per second).
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

# status_kb PID KEY: a line of /proc/PID/status in kB (VmRSS, VmHWM ...).
status_kb() { awk -v k="$2:" '$1 == k { print $2 }' "/proc/$1/status" 2>/dev/null || true; }

# rollup_kb PID [KEY]: a line of /proc/PID/smaps_rollup in kB (default Pss).
# PSS (proportional set size) counts a page shared with N processes as 1/N,
# so the GL driver and libraries other processes also map are not counted
# in full; it is what the process costs the machine. Rss counts them whole.
rollup_kb() { awk -v k="${2:-Pss}:" '$1 == k { print $2 }' "/proc/$1/smaps_rollup" 2>/dev/null || true; }

# sample_memory PID FILE [SECONDS [STATUS_FILE]]: appends "unix_time pss_kB
# rss_kB anon_kB" to FILE every SECONDS (default 0.5) while PID lives, plus
# the text size step, the screen and the idle resets so far from the
# kiosk's --status-file when one is given (the font atlas grows with the text size; a page's pictures stay
# uploaded until the next reload). Run it in the background. Anonymous is the resident memory no file backs (heap, GL
# buffers, stacks): where a leak shows, whatever else runs on the machine.
sample_memory() {
    local pid="$1" file="$2" every="${3:-0.5}" status="${4:-/dev/null}" t line
    # One awk a sample: a loaded machine is slow to start processes.
    while kill -0 "$pid" 2>/dev/null; do
        t=$EPOCHREALTIME
        line=$(awk -v with_step="$([ "$status" = /dev/null ] || echo 1)" '
                   $1 == "Rss:" { r = $2 } $1 == "Pss:" { p = $2 } $1 == "Anonymous:" { a = $2 }
                   $1 == "text-size" { step = $2 } $1 == "screen" { screen = $2 } $1 == "idle-resets" { resets = $2 }
                   END { if (p != "") print p, r, a (with_step ? " " (step == "" ? "- - -" : step " " screen " " resets) : "") }' \
                   "/proc/$pid/smaps_rollup" "$status" 2>/dev/null || true)
        [ -n "$line" ] && echo "$t $line" >>"$file"
        sleep "$every"
    done
}

# quiet_pss_kb PID [SAMPLES]: median PSS of a few samples 0.2 s apart, for a
# process that is not doing anything at the moment.
quiet_pss_kb() {
    local i
    for i in $(seq 1 "${2:-5}"); do rollup_kb "$1" Pss; sleep 0.2; done | median
}

# ---------------------------------------------------------------------------
# [SECTION] Numbers
# ---------------------------------------------------------------------------

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR) print v[int((NR + 1) / 2)] }'; }
minimum() { sort -g | head -n 1; }
maximum() { sort -g | tail -n 1; }
mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }

# ---------------------------------------------------------------------------
# [SECTION] Kiosk runs
# ---------------------------------------------------------------------------

# They expect: KIOSK (the executable), SIZE (WxH), BENCH_WORK (a scratch
# folder) and XDG_CACHE_HOME set, and an X display.

# bench_arguments SCRIPT ARGS...: the "BUILD_DIR [CONTENT_DIR]" arguments of
# a benchmark script. Sets KIOSK (BUILD_DIR/carekiosk, which must exist) and
# content (default: the bundled folder, under $repo); on bad arguments
# prints the usage and exits.
bench_arguments() {
    local script="$1"
    shift
    if [ $# -lt 1 ] || [ $# -gt 2 ]; then
        echo "usage: $script BUILD_DIR [CONTENT_DIR]" >&2
        exit 2
    fi
    KIOSK=$(cd "$1" && pwd)/carekiosk
    content=$(cd "${2:-$repo/content}" && pwd)
    [ -x "$KIOSK" ] || { echo "no executable at $KIOSK (build the carekiosk target first)" >&2; exit 1; }
}

# Prefixes each line of stdin with the unix time it arrived, for stderr of
# the kiosk (unbuffered, so the time is when the kiosk wrote it).
stamp_lines() {
    local line
    while IFS= read -r line; do printf '%s %s\n' "$EPOCHREALTIME" "$line"; done
}

# wait_for_line FILE REGEX [SECONDS]: until a line of FILE matches (default 60 s).
wait_for_line() {
    local i
    for i in $(seq 1 $((${3:-60} * 10))); do
        grep -qE "$2" "$1" 2>/dev/null && return 0
        sleep 0.1
    done
    echo "timed out waiting for '$2' in $1" >&2
    return 1
}

# The home tiles of a content folder, in kiosk.json order.
home_tiles() {
    python3 -c 'import json,sys; print("\n".join(json.load(open(sys.argv[1])).get("home_tiles", [])))' "$1/kiosk.json"
}

# At 1080x1920 and the default text size, home tile I (from 0) is centred near
# y = 451 + 212 I.
tile_y() { echo $((451 + 212 * $1)); }

# first_frame_ms START_UNIX FRAMES_FILE: wall milliseconds from START to the
# first frame presented.
first_frame_ms() {
    awk -v a="$1" '$2 == "first_frame_unix" { printf "%.0f", ($3 - a) * 1000 }' "$2"
}
first_frame_cpu_ms() { awk '$2 == "first_frame_process_cpu" { printf "%.0f", $3 * 1000 }' "$1"; }

# ---------------------------------------------------------------------------
# [SECTION] Measurements of one content folder
# ---------------------------------------------------------------------------
# Each prints "key<TAB>value" lines; measure_folder runs them all.

# Idle: Home with no input. Also the cold start (empty caches) and the steady
# memory once the search index has opened.
measure_idle() {
    local content="$1" out="$BENCH_WORK/idle" pid start t0 t1 hz
    mkdir -p "$out"
    hz=$(getconf CLK_TCK)
    # The script only ends the run (cleanly, so the frame statistics are written).
    printf 'wait 20000\nquit\n' >"$out/script"
    start=$(now)
    "$KIOSK" --content "$content" --windowed --size "$SIZE" --status-file "$out/status" \
        --frame-stats "$out/frames.txt" --script "$out/script" >"$out/log" 2>&1 &
    pid=$!
    wait_for_line "$out/status" '^screen home' 60
    sleep 3
    t0=$(cpu_ticks "$pid")
    sleep 10
    t1=$(cpu_ticks "$pid")
    printf 'idle_cpu\t%s\n' "$(awk -v d=$((t1 - t0)) -v hz="$hz" 'BEGIN { printf "%.1f %% (%d ticks in 10 s)", 100 * d / hz / 10, d }')"
    printf 'cold_steady_pss_kb\t%s\n' "$(quiet_pss_kb "$pid")"
    printf 'cold_steady_rss_kb\t%s\n' "$(rollup_kb "$pid" Rss)"
    wait "$pid" || true
    printf 'cold_first_frame_ms\t%s\n' "$(first_frame_ms "$start" "$out/frames.txt")"
}

# Steady memory after a warm start, as on every start but the first: Home,
# idle, search index open, 10 s after the home screen showed. A first start
# holds more (measure_idle): LLVM compiles the shaders the cache then holds,
# and the kiosk builds the search index itself.
measure_warm_memory() {
    local content="$1" out="$BENCH_WORK/warm-memory" pid
    mkdir -p "$out"
    printf 'wait 20000\nquit\n' >"$out/script"
    "$KIOSK" --content "$content" --windowed --size "$SIZE" --status-file "$out/status" \
        --script "$out/script" >"$out/log" 2>&1 &
    pid=$!
    wait_for_line "$out/status" '^screen home' 60
    sleep 10
    printf 'steady_pss_kb\t%s\n' "$(quiet_pss_kb "$pid")"
    printf 'steady_rss_kb\t%s\n' "$(rollup_kb "$pid" Rss)"
    wait "$pid" || true
}

# The fling script of every home tile's page: opens it, drags slowly down and
# up, flings to the end, goes back home. No `expect`: with hundreds of pages
# home may come back scrolled, and the frames are counted by the screen they
# show anyway.
fling_script() {
    local content="$1" i id tiles
    echo "wait 500"
    mapfile -t tiles < <(home_tiles "$content")
    for i in "${!tiles[@]}"; do
        id=${tiles[$i]}
        [ "$id" = faq ] && continue
        printf 'tap 540 %d\nwait 400\n' "$(tile_y "$i")"
        printf 'drag 540 1500 540 1100 200\nwait 2500\n%.0s' 1 2
        printf 'drag 540 1100 540 1500 200\nwait 2500\n%.0s' 1 2
        printf 'drag 540 1700 540 300 150\nwait 2500\n%.0s' 1 2
        printf 'tap 116 51\nwait 400\n'
    done
    echo "quit"
}

# stats FRAMES PAGE COLUMN_EXPR: mean, p95 and max (ms) of an expression over
# the frames drawn on PAGE ($2 build, $3 submit, $4 present, in µs).
frame_stats() {
    awk -v p="$2" '!/^#/ && $5 == p { print '"$3"' }' "$1" | sort -g \
        | awk '{ v[NR] = $1; s += $1 } END { i = int(NR * 0.95 + 0.5); if (i < 1) i = 1;
                 printf "%.2f / %.2f / %.2f ms (%d frames)", s / NR / 1000, v[i] / 1000, v[NR] / 1000, NR }'
}

# Frame cost on the longest page while flinging, and peak memory.
measure_fling() {
    local content="$1" out="$BENCH_WORK/fling" pid sampler peak_rss=0 hwm longest page
    mkdir -p "$out"
    fling_script "$content" >"$out/script"
    "$KIOSK" --content "$content" --windowed --size "$SIZE" --script "$out/script" \
        --frame-stats "$out/frames.txt" >"$out/log" 2>&1 &
    pid=$!
    sample_memory "$pid" "$out/memory" 0.5 &
    sampler=$!
    while kill -0 "$pid" 2>/dev/null; do
        hwm=$(status_kb "$pid" VmHWM)
        [ "${hwm:-0}" -gt "$peak_rss" ] && peak_rss=$hwm
        sleep 0.2
    done
    if ! wait "$pid"; then
        echo "the fling script failed:" >&2
        cat "$out/log" >&2
        return 1
    fi
    wait "$sampler"
    # The longest page: the largest scroll offset reached.
    longest=$(awk '!/^#/ && $5 ~ /^page:/ { if ($6 > max[$5]) max[$5] = $6 } END { for (p in max) print max[p], p }' \
        "$out/frames.txt" | sort -g | tail -n 1)
    page=${longest#* }
    printf 'longest_page\t%s (%.0f px of scroll)\n' "$page" "${longest%% *}"
    printf 'frame_cpu\t%s\n' "$(frame_stats "$out/frames.txt" "$page" '$2 + $3')"
    printf 'frame_build\t%s\n' "$(frame_stats "$out/frames.txt" "$page" '$2')"
    printf 'frame_present\t%s\n' "$(frame_stats "$out/frames.txt" "$page" '$4')"
    printf 'fling_peak_pss_kb\t%s\n' "$(awk '{ print $2 }' "$out/memory" | maximum)"
    printf 'fling_peak_rss_kb\t%s\n' "$peak_rss"
}

# Start to first frame with warm caches: one run fills the search index and
# the Mesa shader cache, then RUNS starts that quit at their first frame.
measure_first_frame() {
    local content="$1" runs="${2:-10}" out="$BENCH_WORK/first" i start
    mkdir -p "$out"
    "$KIOSK" search --content "$content" --stdin </dev/null >/dev/null 2>"$out/index.log"
    printf 'wait 2000\nquit\n' >"$out/warm.script"
    "$KIOSK" --content "$content" --windowed --size "$SIZE" --script "$out/warm.script" >"$out/warm.log" 2>&1
    echo quit >"$out/quit.script"
    for i in $(seq 1 "$runs"); do
        start=$(now)
        "$KIOSK" --content "$content" --windowed --size "$SIZE" --script "$out/quit.script" \
            --frame-stats "$out/frames-$i.txt" >"$out/run-$i.log" 2>&1
        echo "$(first_frame_ms "$start" "$out/frames-$i.txt") $(first_frame_cpu_ms "$out/frames-$i.txt")"
    done >"$out/times"
    printf 'warm_first_frame\t%s ms median, %s ms min (N=%d)\n' "$(awk '{ print $1 }' "$out/times" | median)" \
        "$(awk '{ print $1 }' "$out/times" | minimum)" "$runs"
    printf 'warm_first_frame_cpu\t%s ms median\n' "$(awk '{ print $2 }' "$out/times" | median)"
}

# wait_for_reloads STDERR COUNT PID: until the kiosk has swapped in COUNT
# reloads, or exited, or 30 s passed.
wait_for_reloads() {
    local i
    for i in $(seq 1 600); do
        [ "$(grep -c 'content reloaded' "$1")" -ge "$2" ] && return 0
        kill -0 "$3" 2>/dev/null || return 0
        sleep 0.05
    done
}

# reload_script TILE_Y SECONDS: opens a page and keeps dragging it up and down,
# so that frames are drawn all the time while the content reloads.
reload_script() {
    local i
    printf 'wait 500\ntap 540 %d\nwait 400\n' "$1"
    for i in $(seq 1 $(($2 / 2))); do
        printf 'drag 540 1500 540 900 1000\ndrag 540 900 540 1500 1000\n'
    done
    echo quit
}

# Rewrites a page of a copy of the folder RELOADS times, 2 s after the last
# swap, while the kiosk scrolls (for a fixed time, long enough for slow loads): from the write (rename into place) to the kiosk's swap (its
# "content reloaded" line on stderr), the kiosk's own load time, and the
# frames drawn meanwhile.
measure_reload() {
    local content="$1" reloads="${2:-5}" out="$BENCH_WORK/reload" pid sampler page i tiles
    mkdir -p "$out"
    rm -rf "$out/content"
    cp -r "$content" "$out/content"
    mapfile -t tiles < <(home_tiles "$content")
    page="$out/content/en/pages/${tiles[0]}.md"
    reload_script "$(tile_y 0)" $((reloads * 6 + 10)) >"$out/script"
    "$KIOSK" --content "$out/content" --windowed --size "$SIZE" --script "$out/script" --status-file "$out/status" \
        --frame-stats "$out/frames.txt" >"$out/log" 2> >(stamp_lines >"$out/stderr") &
    pid=$!
    sample_memory "$pid" "$out/memory" 0.5 &
    sampler=$!
    wait_for_line "$out/status" '^screen page:' 60   # the folder is watched by now
    sleep 1
    for i in $(seq 1 "$reloads"); do
        kill -0 "$pid" 2>/dev/null || break
        { cat "$page"; printf '\nBenchmark edit %d: one more paragraph.\n' "$i"; } >"$page.tmp"
        echo "$(now) write $i" >>"$out/writes"
        mv "$page.tmp" "$page"
        wait_for_reloads "$out/stderr" "$i" "$pid"
        sleep 2
    done
    wait "$pid" || true
    wait "$sampler"
    sleep 0.5   # the last stderr lines pass through stamp_lines
    python3 "$(dirname "${BASH_SOURCE[0]}")/reload_report.py" "$out/writes" "$out/stderr" "$out/frames.txt"
    printf 'reload_peak_pss_kb\t%s\n' "$(awk '{ print $2 }' "$out/memory" | maximum)"
}

# All of the above for one folder, as "key<TAB>value" lines.
measure_folder() {
    measure_idle "$1"
    measure_fling "$1"
    measure_first_frame "$1" "${FIRST_FRAME_RUNS:-10}"
    measure_warm_memory "$1"
    measure_reload "$1" "${RELOADS:-5}"
}

# A scratch folder ($BENCH_WORK, removed on exit) with the kiosk's cache in
# it, and an Xvfb of its own when no display answers.
bench_workspace() {
    BENCH_WORK=$(mktemp -d)
    trap bench_cleanup EXIT
    if ! display_works; then
        start_xvfb
        echo "started Xvfb on $DISPLAY" >&2
    fi
    export XDG_CACHE_HOME="$BENCH_WORK/cache"
}

bench_cleanup() {
    stop_xvfb 2>/dev/null || true
    rm -rf "$BENCH_WORK"
}

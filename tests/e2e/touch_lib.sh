# Helpers for the end-to-end touch tests (run_touch.sh, xdotool_touch.sh,
# xdotool_lockdown.sh). Source it; it defines functions only.
#
# Exit codes of the tests: 0 passed, 1 failed, 77 skipped (no X display or
# no xdotool).

FAILURES=0
KIOSK_PID=""
KIOSK_WINDOW=""

fail() {
    echo "FAIL: $*"
    FAILURES=$((FAILURES + 1))
}

ok() {
    echo "ok: $*"
}

# missing_input WHY : ends the test as skipped (exit 77), or as failed under
# CI=true, where every input is installed.
missing_input() {
    echo "SKIP: $1"
    [ "${CI:-}" = true ] && { echo "CI=true: a missing input is a failure, not a skip"; exit 1; }
    exit 77
}

# Skips the test (exit 77; a failure under CI=true) unless an X server answers on $DISPLAY.
require_display() {
    if [ -z "${DISPLAY:-}" ]; then
        missing_input "\$DISPLAY is not set (run under Xvfb, e.g. scripts/test)"
    fi
    if command -v xdpyinfo >/dev/null 2>&1 && ! xdpyinfo >/dev/null 2>&1; then
        missing_input "no X server answers on $DISPLAY"
    fi
}

# The display check, then $BIN, $content and $out as absolute paths: the
# kiosk runs in $out, where a script's screenshots land.
require_display_and_paths() {
    require_display
    mkdir -p "$out" || exit 1
    case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
    content=$(cd "$content" && pwd) || exit 1
    out=$(cd "$out" && pwd)
}

require_xdotool() {
    if ! command -v xdotool >/dev/null 2>&1; then
        missing_input "xdotool is not installed (Debian package xdotool)"
    fi
}

# e2e_args CAREKIOSK CONTENT_DIR OUT_DIR : the arguments every real-window
# test takes, as BIN, CONTENT and OUT; skips without a display.
e2e_args() {
    BIN=$1
    CONTENT=$2
    OUT=$3
    require_display
    mkdir -p "$OUT" || exit 1
}

# start_kiosk LOG ARGS... : starts carekiosk ($BIN) in the background and
# waits for its window; sets KIOSK_PID and KIOSK_WINDOW.
start_kiosk() {
    log=$1
    shift
    "$BIN" "$@" >"$log" 2>&1 &
    KIOSK_PID=$!
    KIOSK_WINDOW=""
    tries=0
    while [ -z "$KIOSK_WINDOW" ] && [ $tries -lt 100 ]; do
        if ! kill -0 "$KIOSK_PID" 2>/dev/null; then
            echo "carekiosk exited early: $(cat "$log")"
            return 1
        fi
        KIOSK_WINDOW=$(xdotool search --onlyvisible --pid "$KIOSK_PID" 2>/dev/null | head -n 1)
        [ -n "$KIOSK_WINDOW" ] || sleep 0.1
        tries=$((tries + 1))
    done
    [ -n "$KIOSK_WINDOW" ] || { echo "no carekiosk window appeared"; return 1; }
}

# stop_kiosk : ends the kiosk this test started, if it still runs.
stop_kiosk() {
    if [ -n "$KIOSK_PID" ] && kill -0 "$KIOSK_PID" 2>/dev/null; then
        kill "$KIOSK_PID" 2>/dev/null
        wait "$KIOSK_PID" 2>/dev/null
    fi
    KIOSK_PID=""
}

# kiosk_alive : true while the kiosk process runs.
kiosk_alive() {
    kill -0 "$KIOSK_PID" 2>/dev/null
}

# wait_exit SECONDS : true when the kiosk exits within SECONDS; sets KIOSK_STATUS.
wait_exit() {
    tenths=$(($1 * 10))
    while [ "$tenths" -gt 0 ]; do
        if ! kiosk_alive; then
            wait "$KIOSK_PID" 2>/dev/null
            KIOSK_STATUS=$?
            KIOSK_PID=""
            return 0
        fi
        sleep 0.1
        tenths=$((tenths - 1))
    done
    return 1
}

# status_value FILE KEY : a value from the kiosk's --status-file.
status_value() {
    sed -n "s/^$2 //p" "$1" 2>/dev/null
}

# wait_status FILE KEY VALUE SECONDS : true when KEY shows VALUE in time.
wait_status() {
    tenths=$(($4 * 10))
    while [ "$tenths" -gt 0 ]; do
        [ "$(status_value "$1" "$2")" = "$3" ] && return 0
        sleep 0.1
        tenths=$((tenths - 1))
    done
    return 1
}

# x_tap X Y : a finger tap through the X server (window coordinates).
x_tap() {
    xdotool mousemove --window "$KIOSK_WINDOW" "$1" "$2" sleep 0.1 \
        mousedown 1 sleep 0.08 mouseup 1
}

# x_drag X Y1 Y2 STEPS : press at (X, Y1), move to (X, Y2) in STEPS moves a
# frame apart (~16 ms), release.
x_drag() {
    moves=""
    i=1
    while [ "$i" -le "$4" ]; do
        y=$(($2 + ($3 - $2) * i / $4))
        moves="$moves mousemove --window $KIOSK_WINDOW $1 $y sleep 0.016"
        i=$((i + 1))
    done
    # shellcheck disable=SC2086 # the moves are separate words on purpose
    xdotool mousemove --window "$KIOSK_WINDOW" "$1" "$2" sleep 0.1 mousedown 1 sleep 0.016 \
        $moves mouseup 1
}

#!/bin/sh
# Lock-down through the real X server: in kiosk mode (full screen) Escape,
# Ctrl+Q, Alt+F4 and a window manager's close request must not end the
# kiosk; with --windowed each of them must (normal desktop behaviour). Also
# checks the kiosk window covers the whole screen.
#
# usage: xdotool_lockdown.sh CAREKIOSK CONTENT_DIR OUT_DIR
# exit: 0 passed, 1 failed, 77 skipped (no X display or no xdotool)
set -u
BIN=$1
content=$2
out=$3
here=$(cd "$(dirname "$0")" && pwd)
. "$here/touch_lib.sh"
require_display
require_xdotool
mkdir -p "$out" || exit 1
trap stop_kiosk EXIT

# Keys go to the window under the pointer (the test display has no window
# manager), so point at the window first.
send_key() {
    xdotool mousemove --window "$KIOSK_WINDOW" 500 500 sleep 0.1 key --clearmodifiers "$1"
}
send_close() {
    if command -v python3 >/dev/null 2>&1; then
        python3 "$here/wm_close.py" "$KIOSK_WINDOW"
    else
        return 1
    fi
}

# --- kiosk mode: nothing closes it --------------------------------------------
status="$out/lockdown-status.txt"
rm -f "$status"
start_kiosk "$out/lockdown-kiosk.log" --content "$content" --status-file "$status" || exit 1
wait_status "$status" screen home 10 || fail "the kiosk did not report Home"
screen_size=$(xdpyinfo | sed -n 's/.*dimensions: *\([0-9]*x[0-9]*\) pixels.*/\1/p')
window_size=$(xdotool getwindowgeometry "$KIOSK_WINDOW" | sed -n 's/.*Geometry: *//p')
if [ "$window_size" = "$screen_size" ]; then ok "kiosk window is full screen ($window_size)"; else
    fail "kiosk window is $window_size, the screen $screen_size"
fi
# still_answers WHAT: after WHAT was sent, a tap on the language button (its
# place on the 2048x2048 test screen's Home) must switch the language: the
# kiosk handled what came before the tap and did not quit on it.
language=en
[ "$screen_size" = 2048x2048 ] || fail "the taps below assume a 2048x2048 screen (scripts/lib.sh's Xvfb), not $screen_size"
still_answers() {
    [ "$language" = en ] && language=es || language=en
    x_tap 1461 118
    if wait_status "$status" language "$language" 5; then ok "kiosk mode ignores $1 and still answers a tap"; else
        fail "after $1: $(kiosk_alive && echo "no answer to a tap (language $(status_value "$status" language))" ||
            echo "the kiosk quit")"
    fi
}
for key in Escape ctrl+q alt+F4; do
    send_key "$key"
    still_answers "$key"
done
if send_close; then
    still_answers "a window manager close request"
else
    fail "could not send a close request (needs python3 and libX11)"
fi
kiosk_alive && stop_kiosk

# --- windowed: each of them quits ---------------------------------------------
for how in Escape ctrl+q alt+F4 close-request; do
    start_kiosk "$out/lockdown-windowed.log" --content "$content" --windowed --size 800x600 || {
        fail "windowed kiosk did not start"
        continue
    }
    sleep 0.5
    if [ "$how" = close-request ]; then send_close; else send_key "$how"; fi
    if wait_exit 5 && [ "$KIOSK_STATUS" -eq 0 ]; then ok "--windowed quits on $how"; else
        fail "--windowed did not quit cleanly on $how"
        stop_kiosk
    fi
done

if [ "$FAILURES" -gt 0 ]; then
    echo "$FAILURES lock-down check(s) failed; logs in $out"
    exit 1
fi
echo "all lock-down checks passed"

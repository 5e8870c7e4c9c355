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
start_kiosk "$out/lockdown-kiosk.log" --content "$content" --status-file "$out/lockdown-status.txt" || exit 1
wait_status "$out/lockdown-status.txt" screen home 10 || fail "the kiosk did not report Home"
screen_size=$(xdpyinfo | sed -n 's/.*dimensions: *\([0-9]*x[0-9]*\) pixels.*/\1/p')
window_size=$(xdotool getwindowgeometry "$KIOSK_WINDOW" | sed -n 's/.*Geometry: *//p')
if [ "$window_size" = "$screen_size" ]; then ok "kiosk window is full screen ($window_size)"; else
    fail "kiosk window is $window_size, the screen $screen_size"
fi
for key in Escape ctrl+q alt+F4; do
    send_key "$key"
    sleep 0.5
    if kiosk_alive; then ok "kiosk mode ignores $key"; else fail "kiosk mode quit on $key"; fi
done
if send_close; then
    sleep 0.5
    if kiosk_alive; then ok "kiosk mode ignores a window manager close request"; else
        fail "kiosk mode quit on a window manager close request"
    fi
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

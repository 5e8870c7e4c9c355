#!/bin/sh
# Read-aloud end to end: speech.script taps "Read aloud" on the Aftercare
# page, taps it again to stop, starts it again and leaves the page, then
# starts it once more and lets the idle warning come. Meanwhile this script
# reads the kiosk's --status-file and checks, in order: the voice moves past
# the title (the highlight follows it), the second tap stops it, leaving the
# page stops it, the idle warning stops it. It also keeps the screenshot the
# script takes while reading (speech-reading.png).
#
# usage: speech.sh CAREKIOSK CONTENT_DIR OUT_DIR
# exit: 0 passed, 1 failed, 77 skipped (no X display)
set -u
BIN=$1
content=$2
out=$3
here=$(cd "$(dirname "$0")" && pwd)
. "$here/touch_lib.sh"
require_display_and_paths
status="$out/speech-status.txt"
log="$out/speech.log"
rm -f "$status" "$out/speech-reading.png"
trap stop_kiosk EXIT

# wait_speaking PATTERN SECONDS : true when the "speaking" line matches the
# shell pattern in time.
wait_speaking() {
    tenths=$(($2 * 10))
    while [ "$tenths" -gt 0 ]; do
        # shellcheck disable=SC2254 # the pattern is meant to match
        case "$(status_value "$status" speaking)" in $1) return 0 ;; esac
        kiosk_alive || return 1
        sleep 0.1
        tenths=$((tenths - 1))
    done
    return 1
}

expect_speaking() {
    if wait_speaking "$1" "$2"; then ok "$3"; else
        fail "$3: speaking '$(status_value "$status" speaking)', screen $(status_value "$status" screen)"
    fi
}

# The voice paced silently: this machine may have no sound device, and
# without one the kiosk reads nothing (no_sound.sh tests that).
(cd "$out" && CAREKIOSK_SPEECH_OUTPUT=silent exec "$BIN" --windowed --size 1080x1920 --content "$content" --cache-dir "$out/cache" \
    --status-file "$status" --script "$here/speech.script") >"$log" 2>&1 &
KIOSK_PID=$!

expect_speaking "page:aftercare [1-9]*" 12 "Read aloud starts and the voice moves past the title"
expect_speaking "off" 8 "a second tap on the button stops the voice"
[ "$(status_value "$status" screen)" = page:aftercare ] || fail "stopping should stay on the page"
expect_speaking "page:aftercare [0-9]*" 8 "Read aloud starts again"
expect_speaking "off" 8 "leaving the page stops the voice"
[ "$(status_value "$status" screen)" = home ] || fail "Back should lead home, not $(status_value "$status" screen)"
expect_speaking "page:aftercare [0-9]*" 8 "Read aloud starts a third time"
expect_speaking "off" 40 "the idle warning stops the voice (after listening held it off)"
[ "$(status_value "$status" screen)" = idle-warning ] || fail "expected the idle warning, not $(status_value "$status" screen)"

if wait_exit 20; then
    [ "$KIOSK_STATUS" -eq 0 ] || fail "the script's expectations failed (exit $KIOSK_STATUS): $(grep -v '^ALSA' "$log" | tail -5)"
else
    fail "the kiosk did not finish its script"
fi
# The highlight shows: the page while reading differs, beyond the reference
# tolerance, from the same page not being read.
if [ -s "$out/speech-reading.png" ] &&
    "$BIN" screenshot --content "$content" --cache-dir "$out/cache" --size 1080x1920 --page aftercare \
        --out "$out/speech-not-reading.png" >/dev/null 2>&1; then
    if /usr/bin/python3 "$here/../render/compare.py" --differ "$out/speech-reading.png" "$out/speech-not-reading.png" \
            >"$out/speech-compare.txt"; then
        ok "the reading highlight is on screen: $(cat "$out/speech-compare.txt")"
    else
        fail "the page looks the same while reading: $(cat "$out/speech-compare.txt")"
    fi
else
    fail "no screenshot while reading, or none of the page to compare it with"
fi

if [ "$FAILURES" -gt 0 ]; then
    echo "$FAILURES check(s) failed; log in $log"
    exit 1
fi
echo "all read-aloud checks passed"

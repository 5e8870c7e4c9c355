#!/bin/sh
# Read aloud without a sound device: no_sound.script taps Read aloud in
# English and in Spanish and expects the message instead of a reading. The
# kiosk gets no way to sound (no PulseAudio server, an ALSA configuration
# with no devices), as on a kiosk PC without speakers, while this script
# watches its --status-file: the voice must never be shown as reading.
#
# usage: no_sound.sh CAREKIOSK CONTENT_DIR OUT_DIR
# exit: 0 passed, 1 failed, 77 skipped (no X display)
set -u
BIN=$1
content=$2
out=$3
here=$(cd "$(dirname "$0")" && pwd)
. "$here/touch_lib.sh"
require_display_and_paths
status="$out/no-sound-status.txt"
rm -f "$status" "$out"/no-sound-*.png
: >"$out/no-devices.conf"
trap stop_kiosk EXIT

(cd "$out" && PULSE_SERVER="unix:$out/no-pulse-server" ALSA_CONFIG_PATH="$out/no-devices.conf" \
    exec "$BIN" --windowed --size 1080x1920 --content "$content" --cache-dir "$out/cache" \
    --status-file "$status" --script "$here/no_sound.script") >"$out/no-sound.log" 2>&1 &
KIOSK_PID=$!

seen=""
while kiosk_alive; do
    case "$(status_value "$status" speaking)" in
    page:* | faq:*) seen="$(status_value "$status" speaking)" ;;
    esac
    sleep 0.05
done
wait_exit 1
[ "${KIOSK_STATUS:-1}" -eq 0 ] && ok "the message shows in English and Spanish, and nothing is read" \
    || fail "the script's expectations failed (exit ${KIOSK_STATUS:-?}): $(grep -v '^ALSA' "$out/no-sound.log" | tail -6)"
[ -z "$seen" ] && ok "the voice was never shown as reading" || fail "the status showed reading without sound: speaking $seen"
grep -q "no sound device for read-aloud" "$out/no-sound.log" && ok "the log says there is no sound device" \
    || fail "the log does not say there is no sound device"
for lang in en es; do
    [ -s "$out/no-sound-$lang.png" ] || fail "no screenshot no-sound-$lang.png"
done
[ "$FAILURES" -eq 0 ] || exit 1
echo "no sound: all checks passed"

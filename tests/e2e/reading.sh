#!/bin/sh
# Runs reading.script (read-aloud that does not fight the reader) with the
# voice paced silently, so no sound device is needed, and keeps the
# screenshot it takes while the patient has scrolled away (reading-away.png).
#
# usage: reading.sh CAREKIOSK CONTENT_DIR OUT_DIR
# exit: 0 the script held, 1 it did not, 77 skipped (no X display)
set -u
BIN=$1
content=$2
out=$3
here=$(cd "$(dirname "$0")" && pwd)
. "$here/touch_lib.sh"
require_display_and_paths
rm -f "$out/reading-away.png"
(cd "$out" && CAREKIOSK_SPEECH_OUTPUT=silent exec "$BIN" --windowed --size 1080x1920 --content "$content" \
    --cache-dir "$out/cache" --script "$here/reading.script") >"$out/reading.log" 2>&1
status=$?
[ "$status" -eq 0 ] || { echo "FAIL: reading.script (exit $status):"; grep -v '^ALSA' "$out/reading.log" | tail -8; exit 1; }
[ -s "$out/reading-away.png" ] || { echo "FAIL: no screenshot reading-away.png"; exit 1; }
echo "ok: reading.script"

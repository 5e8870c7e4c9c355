#!/bin/sh
# Clips end to end. Makes, at test time, an 8 s clip with ffmpeg (testsrc2
# with its frame number drawn on it and a tone), a WebVTT file with three
# captions, a picture and a corrupt clip, in a copy of the content with two
# pages that show them; then runs video.script and checks, from the kiosk's
# status file, its screenshots and its threads:
#   - with no poster beside it, the clip's first frame stands in for one,
#     already in a screenshot taken as the page opens;
#   - a tap on the poster plays the clip: its picture differs a second later;
#   - pausing holds the picture still; opening the page's picture full
#     screen pauses the clip behind it;
#   - the status names the caption on screen at the time it is due;
#   - Back and the idle reset stop the clip and leave no decoder thread;
#   - a reload keeps it playing, unless the clip was taken out of the page;
#   - the corrupt clip reports itself failed and the page stays up;
#   - insights count the plays and the quarters they reached.
#
# usage: video.sh CAREKIOSK CONTENT_DIR OUT_DIR
# exit: 0 passed, 1 failed, 77 skipped (no X display, ffmpeg or python3-pil)
set -u
BIN=$1
content=$2
out=$3
here=$(cd "$(dirname "$0")" && pwd)
. "$here/touch_lib.sh"
command -v ffmpeg >/dev/null 2>&1 || missing_input "ffmpeg is not installed (Debian package ffmpeg)"
/usr/bin/python3 -c "import PIL" 2>/dev/null || missing_input "python3-pil is not installed"
require_display_and_paths
status="$out/video-status.txt"
log="$out/video.log"
copy="$out/content"
rm -rf "$copy" "$status" "$out"/video-*.png "$out/cache"   # insights count this run only
cp -r "$content" "$copy" || exit 1
trap stop_kiosk EXIT

pages="$copy/en/pages"
font=/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf
ffmpeg -nostdin -hide_banner -loglevel error -y \
    -f lavfi -i "testsrc2=size=640x360:rate=30:duration=8,drawtext=fontfile=$font:text='%{n}':fontsize=72:fontcolor=white:box=1:boxcolor=black:x=20:y=20" \
    -f lavfi -i "sine=frequency=440:duration=8" \
    -c:v libx264 -preset veryfast -pix_fmt yuv420p -c:a aac -shortest "$pages/test-clip.mp4" || { echo "FAIL: ffmpeg"; exit 1; }
cat >"$pages/test-clip.vtt" <<'VTT'
WEBVTT

00:00.000 --> 00:02.500
First caption: the picture moves.

00:02.500 --> 00:05.000
Second caption: a tone plays.

00:05.000 --> 00:08.000
Third caption: the frame count goes on.
VTT
head -c 20000 /dev/urandom >"$pages/broken-clip.mp4"
ffmpeg -nostdin -hide_banner -loglevel error -y -f lavfi -i "color=c=0x336699:s=1000x500" -frames:v 1 \
    "$pages/test-picture.png" || { echo "FAIL: ffmpeg"; exit 1; }
printf -- '---\ntitle: Video test\norder: 1\n---\n\n![A test clip with a frame counter](test-clip.mp4)\n\nText under the clip.\n\n![A blue test picture](test-picture.png)\n' \
    >"$pages/video-test.md"
printf -- '---\ntitle: Broken clip\norder: 2\n---\n\n![A clip that cannot be played](broken-clip.mp4)\n\nText under it.\n' \
    >"$pages/broken-clip.md"

# mpv's threads (its core, demuxer, decoders, video and audio output).
player_threads() {
    n=0
    for comm in /proc/"$KIOSK_PID"/task/*/comm; do
        case "$(cat "$comm" 2>/dev/null)" in mpv* | av:* | demux* | vo* | ao* | dec* | playback* | ffmpeg*) n=$((n + 1)) ;; esac
    done
    echo "$n"
}

# wait_match KEY PATTERN SECONDS : true when KEY's value matches the shell pattern in time.
wait_match() {
    tenths=$(($3 * 10))
    while [ "$tenths" -gt 0 ]; do
        # shellcheck disable=SC2254 # the pattern is meant to match
        case "$(status_value "$status" "$1")" in $2) return 0 ;; esac
        kiosk_alive || return 1
        sleep 0.1
        tenths=$((tenths - 1))
    done
    return 1
}

check_status() {
    if wait_match "$1" "$2" "$3"; then ok "$4"; else
        fail "$4: $1 is '$(status_value "$status" "$1")'"
    fi
}

(cd "$out" && exec "$BIN" --windowed --size 1080x1920 --content "$copy" --cache-dir "$out/cache" \
    --status-file "$status" --script "$here/video.script") >"$log" 2>&1 &
KIOSK_PID=$!

check_status video "en/pages/test-clip.mp4 playing *" 15 "a tap on the poster plays the clip"
playing_threads=$(player_threads)
[ "$playing_threads" -gt 0 ] && ok "the player runs in its own threads ($playing_threads)" ||
    fail "no player thread while the clip plays"
check_status caption "Second caption: a tone plays." 15 "the status names the caption on screen"
rect=$(status_value "$status" video-rect)
check_status video "en/pages/test-clip.mp4 paused *" 15 "Pause pauses"
check_status screen home 20 "Back leads home"
check_status video off 5 "Back stops the clip"
sleep 0.5
[ "$(player_threads)" -eq 0 ] && ok "no player thread is left after Back" || fail "player threads left after Back: $(player_threads)"
check_status video "en/pages/test-clip.mp4 paused *" 20 "the clip plays and pauses again"
check_status idle-resets 1 20 "the idle reset comes while the clip is paused"
check_status video off 5 "the idle reset stops the clip"
sleep 0.5
[ "$(player_threads)" -eq 0 ] && ok "no player thread is left after the reset" || fail "player threads left after the reset: $(player_threads)"
check_status video "en/pages/test-clip.mp4 playing *" 20 "the clip plays a third time"
printf '\nA line added while the clip plays.\n' >>"$pages/video-test.md"
sleep 2
check_status video "en/pages/test-clip.mp4 playing *" 1 "an edit elsewhere on the page leaves the clip playing"
printf -- '---\ntitle: Video test\norder: 1\n---\n\nThe clip was taken out.\n' >"$pages/video-test.md"
check_status video off 5 "a reload that takes the clip out stops it"
check_status video "en/pages/broken-clip.mp4 failed *" 20 "the corrupt clip reports that it cannot be played"
wait "$KIOSK_PID"
code=$?
KIOSK_PID=""
[ "$code" -eq 0 ] && ok "every expect of video.script held" || { fail "video.script: exit $code"; tail -n 20 "$log"; }

# Insights: the three plays of the test clip, and how far the first got
# (paused after its second caption, past a quarter of its 8 s).
"$BIN" report --json --content "$copy" --cache-dir "$out/cache" >"$out/report.json" 2>"$out/report.err" ||
    fail "carekiosk report: $(cat "$out/report.err")"
/usr/bin/python3 - "$out/report.json" <<'PY' || FAILURES=$((FAILURES + 1))
import json, sys
report = json.load(open(sys.argv[1]))
videos = {v["clip"]: v for lang in report["languages"] if lang["lang"] == "en" for v in lang["videos"]}
clip = videos.get("en/pages/test-clip.mp4")
broken = videos.get("en/pages/broken-clip.mp4")
if not clip or clip["plays"] != 3 or clip["reached"]["25%"] < 1 or clip["reached"]["end"] != 0:
    print(f"FAIL: insights of the test clip: {clip}")
    sys.exit(1)
if not broken or broken["plays"] != 1:
    print(f"FAIL: insights of the broken clip: {broken}")
    sys.exit(1)
print(f"ok: insights count the plays and how far they got: {clip}")
PY

# The picture: moving while playing, still while paused (the clip's
# rectangle only, as the status file gave it).
/usr/bin/python3 - "$out" $rect <<'PY' || FAILURES=$((FAILURES + 1))
import sys
from PIL import Image, ImageChops
out, box = sys.argv[1], tuple(int(v) for v in sys.argv[2:6])
def region(name):
    return Image.open(f"{out}/{name}").convert("RGB").crop(box)
if box[2] - box[0] < 100 or box[3] - box[1] < 100:
    print(f"FAIL: no clip rectangle in the status: {box}")
    sys.exit(1)
failed = False
# testsrc2 is bright colour bars; the box without a picture is a dark band.
pixels = list(region("video-poster.png").getdata())
colourful = sum(1 for p in pixels if max(p) - min(p) > 100) / len(pixels)
if colourful < 0.3:
    print(f"FAIL: the clip's box shows no first frame before it plays ({colourful:.0%} colourful)")
    failed = True
else:
    print("ok: a clip without a poster shows its first frame")
if ImageChops.difference(region("video-playing-a.png"), region("video-playing-b.png")).getbbox() is None:
    print("FAIL: the clip's picture did not change in a second of playing")
    failed = True
else:
    print("ok: the clip's picture changes while it plays")
if ImageChops.difference(region("video-paused-a.png"), region("video-paused-b.png")).getbbox() is not None:
    print("FAIL: the clip's picture moved while paused")
    failed = True
else:
    print("ok: the picture holds still while paused")
sys.exit(1 if failed else 0)
PY

[ "$FAILURES" -eq 0 ] || { echo "$FAILURES failure(s); log: $log"; exit 1; }
echo "all video checks passed"

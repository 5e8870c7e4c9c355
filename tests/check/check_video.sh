#!/bin/sh
# `carekiosk check` on clips made at test time: a good clip without
# captions (a warning at the page line that shows it, and what the clip is),
# a corrupt clip (an error at its line) and a clip with captions whose cue
# runs backwards (an error at the caption file's line). Compares the whole
# output with the expected text.
#
# usage: check_video.sh CAREKIOSK OUT_DIR
# exit: 0 passed, 1 failed, 77 skipped (no ffmpeg)
set -u
BIN=$1
out=$2
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../e2e/touch_lib.sh"   # missing_input
command -v ffmpeg >/dev/null 2>&1 || missing_input "ffmpeg is not installed (Debian package ffmpeg)"
rm -rf "$out" && mkdir -p "$out/c/en/pages" || exit 1
pages="$out/c/en/pages"
echo '{"languages": ["en"]}' >"$out/c/kiosk.json"
ffmpeg -nostdin -hide_banner -loglevel error -y -f lavfi -i "testsrc2=size=320x180:rate=25:duration=2" \
    -c:v libx264 -preset veryfast -pix_fmt yuv420p "$pages/quiet.mp4" || { echo "FAIL: ffmpeg"; exit 1; }
cp "$pages/quiet.mp4" "$pages/captioned.mp4"
printf 'WEBVTT\n\n00:01.000 --> 00:00.500\nBackwards\n' >"$pages/captioned.vtt"
head -c 4096 /dev/urandom >"$pages/corrupt.webm"
printf -- '---\ntitle: Clips\n---\n\nA clip with no captions:\n\n![Test pattern](quiet.mp4)\n\n![Broken](corrupt.webm)\n\n![Captioned](captioned.mp4)\n' \
    >"$pages/clips.md"
cd "$out" && "$BIN" check --content c >actual.txt 2>&1
code=$?
size=$(stat -c %s c/en/pages/quiet.mp4)
mb=$(awk "BEGIN { printf \"%.1f\", $size / 1048576 }")
cat >expected.txt <<EXPECTED
c/en/pages/clips.md:7:17: warning: the video "quiet.mp4" has no captions: patients with the sound off or who cannot hear miss what it says; put quiet.vtt (or quiet.en.vtt) beside it
c/en/pages/clips.md:9:11: warning: the video "corrupt.webm" has no captions: patients with the sound off or who cannot hear miss what it says; put corrupt.vtt (or corrupt.en.vtt) beside it
c/en/pages/captioned.vtt:3:1: error: this caption ends before it starts; it is left out
c/en/pages/clips.md:9:11: error: the video "corrupt.webm" cannot be played: unrecognized file format; patients see its poster and "This video cannot be played". Export it as MP4 (H.264) at 1280 x 720
video en/pages/captioned.mp4: mov,mp4,m4a,3gp,3g2,mj2, h264, 2 s, 320 x 180, $mb MB
video en/pages/corrupt.webm: cannot be played: unrecognized file format
video en/pages/quiet.mp4: mov,mp4,m4a,3gp,3g2,mj2, h264, 2 s, 320 x 180, $mb MB
checked 1 page and 0 questions in 1 language: 2 errors, 2 warnings
EXPECTED
failed=0
if ! diff -u expected.txt actual.txt; then
    echo "FAIL: check's output on the clips differs (expected.txt vs actual.txt in $out; the clip is $size bytes)"
    failed=1
fi
[ "$code" -eq 1 ] || { echo "FAIL: check should exit 1 on errors, exited $code"; failed=1; }
[ "$failed" -eq 0 ] && echo "ok: check says what each clip is and what is wrong at its line"
exit "$failed"

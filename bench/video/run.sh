#!/bin/bash
# Video benchmark under X (Xvfb when no display is set): a 720p30 clip made
# with ffmpeg at run time, played for 20 s on a page of a copy of the
# content, then stopped by Back.
#
#   dropped frames   mpv's dropped and decoder-skipped frames ("video-dropped"
#                    in the status file) at the end of the play, and frames
#                    the kiosk presented during it against 30 a second
#   frame cost       main-thread CPU (CLOCK_THREAD_CPUTIME_ID) per frame
#                    presented while playing, from --frame-stats: mean / p95
#                    / max of build (input, mpv's render call, layout, draw
#                    lists) + submit (ImGui::Render, GL calls)
#   memory           PSS from /proc/PID/smaps_rollup on the page before the
#                    tap, the highest while playing (every 0.5 s), and 5 s
#                    after Back
#   idle CPU         utime+stime of the kiosk over 10 s with the clip paused
#                    (its decoder open), and over 10 s after Back
#
# usage: bench/video/run.sh BUILD_DIR [CONTENT_DIR]   (Markdown table on stdout)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
source "$repo/scripts/lib.sh"
source "$repo/bench/lib.sh"
bench_arguments "$0" "$@"
SIZE=1080x1920
command -v ffmpeg >/dev/null || { echo "needs ffmpeg (Debian package ffmpeg)" >&2; exit 1; }

bench_workspace
out="$BENCH_WORK/run"
mkdir -p "$out"

cp -r "$content" "$BENCH_WORK/content"
pages="$BENCH_WORK/content/en/pages"
font=/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf
ffmpeg -nostdin -hide_banner -loglevel error -y \
    -f lavfi -i "testsrc2=size=1280x720:rate=30:duration=40,drawtext=fontfile=$font:text='%{n}':fontsize=96:fontcolor=white:box=1:boxcolor=black:x=40:y=40" \
    -f lavfi -i "sine=frequency=440:duration=40" \
    -c:v libx264 -preset veryfast -pix_fmt yuv420p -c:a aac -shortest "$pages/bench-clip.mp4"
printf 'WEBVTT\n\n00:00.000 --> 00:40.000\nA caption for the whole clip.\n' >"$pages/bench-clip.vtt"
printf -- '---\ntitle: Video bench\norder: 1\n---\n\n![A 720p test clip](bench-clip.mp4)\n' >"$pages/video-bench.md"

cat >"$out/script" <<'SCRIPT'
wait 1000
press Video bench
wait 5000
press Play video
waitfor video playing
wait 20000
tap 540 420
wait 300
press Pause
wait 13000
press Back
wait 17000
quit
SCRIPT

hz=$(getconf CLK_TCK)
"$KIOSK" --content "$BENCH_WORK/content" --windowed --size "$SIZE" --status-file "$out/status" \
    --frame-stats "$out/frames.txt" --script "$out/script" >"$out/log" 2>&1 &
pid=$!
wait_for_line "$out/status" '^screen page:video-bench' 60
sleep 3
before=$(quiet_pss_kb "$pid")
before_anon=$(rollup_kb "$pid" Anonymous)
wait_for_line "$out/status" '^video .* playing' 30
play_start=$(now)
c0=$(cpu_ticks "$pid")
sample_memory "$pid" "$out/memory" 0.5 &
sampler=$!
dropped=0
while grep -q '^video .* playing' "$out/status" 2>/dev/null; do
    dropped=$(sed -n 's/^video-dropped //p' "$out/status")
    play_end=$(now)
    echo "$play_end ${dropped:-0}" >>"$out/dropped"
    sleep 0.1
done
c1=$(cpu_ticks "$pid")
kill "$sampler" 2>/dev/null || true
wait_for_line "$out/status" '^video .* paused' 10
sleep 1
p0=$(cpu_ticks "$pid")
sleep 10
p1=$(cpu_ticks "$pid")
wait_for_line "$out/status" '^video off' 10
sleep 5
after=$(quiet_pss_kb "$pid")
after_anon=$(rollup_kb "$pid" Anonymous)
t0=$(cpu_ticks "$pid")
sleep 10
t1=$(cpu_ticks "$pid")
wait "$pid" || { echo "the video script failed:" >&2; cat "$out/log" >&2; exit 1; }

# Frames presented while the clip played, by their unix time.
first_unix=$(awk '$2 == "first_frame_unix" { print $3 }' "$out/frames.txt")
awk -v f="$first_unix" -v a="$play_start" -v b="$play_end" \
    '!/^#/ && f + $1 >= a && f + $1 <= b { print $2 + $3 }' "$out/frames.txt" >"$out/playing_us"
seconds=$(awk -v a="$play_start" -v b="$play_end" 'BEGIN { printf "%.1f", b - a }')
frames=$(wc -l <"$out/playing_us")
cost=$(sort -g "$out/playing_us" | awk '{ v[NR] = $1; s += $1 } END { i = int(NR * 0.95 + 0.5); if (i < 1) i = 1;
           printf "%.2f / %.2f / %.2f ms", s / NR / 1000, v[i] / 1000, v[NR] / 1000 }')
peak=$(awk '{ print $2 }' "$out/memory" | maximum)
# Drops in the first second of the play (start-up) and after it.
early=$(awk -v a="$play_start" '$1 <= a + 1 { n = $2 } END { print n + 0 }' "$out/dropped")

echo "| measure (720p30 clip, $SIZE window, $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)) | value |"
echo "|---|---:|"
echo "| played | $seconds s |"
echo "| frames dropped by mpv (in the first second) | $dropped ($early) |"
echo "| frames presented while playing | $frames ($(awk -v n="$frames" -v s="$seconds" 'BEGIN { printf "%.1f", n / s }') a second) |"
echo "| kiosk CPU while playing, all threads (decoder, renderer) | $(awk -v d=$((c1 - c0)) -v hz="$hz" -v s="$seconds" 'BEGIN { printf "%.0f %% of one core", 100 * d / hz / s }') |"
echo "| main-thread CPU per frame while playing (mean / p95 / max) | $cost |"
echo "| memory (PSS) on the page before playing | $(mib "$before") MiB |"
echo "| memory (PSS) while playing, highest | $(mib "$peak") MiB |"
echo "| memory (PSS) 5 s after Back | $(mib "$after") MiB |"
echo "| anonymous memory before playing / 5 s after Back | $(mib "$before_anon") / $(mib "$after_anon") MiB |"
echo "| CPU, 10 s paused | $(awk -v d=$((p1 - p0)) -v hz="$hz" 'BEGIN { printf "%.2f %% (%d ticks)", 100 * d / hz / 10, d }') |"
echo "| idle CPU, 10 s after Back | $(awk -v d=$((t1 - t0)) -v hz="$hz" 'BEGIN { printf "%.2f %% (%d ticks)", 100 * d / hz / 10, d }') |"

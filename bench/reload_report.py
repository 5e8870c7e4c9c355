#!/usr/bin/python3
"""Figures of the reload benchmark (bench/lib.sh measure_reload).

Inputs:
  WRITES  "unix_time write N" just before each rewritten file was renamed into place
  STDERR  the kiosk's stderr, each line prefixed with the unix time it came
  FRAMES  the kiosk's --frame-stats file (the page was being dragged throughout)

For each write: the time to the kiosk's swap (its "content reloaded in N ms"
line, printed in the frame that swaps) and the N it reports (load, merge and
search index, on the worker). Then the frames drawn while a reload was under
way (from the write to 0.5 s after the swap, so the frames that lay out the
new page count too) against the other frames of the same run: main-thread
CPU of a frame (build + submit) and the wall time between frame starts.
A frame is late when its main-thread CPU passes one 60 Hz frame (16.7 ms).

Prints "key<TAB>value" lines.

usage: reload_report.py WRITES STDERR FRAMES
"""
import re
import statistics
import sys

import frame_stats

AFTER_SWAP = 0.5
BUDGET_MS = 1000.0 / 60.0
RELOADED = re.compile(r"content reloaded in ([0-9.]+) ms")


def read_frames(path):
    """(unix start time, main-thread CPU ms) per frame."""
    first_unix, fields = frame_stats.read(path)
    rows = [tuple(float(x) for x in row[:4]) for row in fields]
    if not rows:
        return []
    # first_frame_unix is taken as the first frame ends; its rows start at t = 0.
    origin = first_unix - (rows[0][1] + rows[0][2] + rows[0][3]) / 1e6
    return [(origin + t, (build + submit) / 1000.0) for t, build, submit, present in rows]


def summary(values, unit="ms"):
    if not values:
        return "none"
    return "%.0f %s median, %.0f %s max" % (statistics.median(values), unit, max(values), unit)


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    with open(sys.argv[1]) as f:
        writes = [float(line.split()[0]) for line in f if line.strip()]
    swaps = []
    with open(sys.argv[2], errors="replace") as f:
        for line in f:
            match = RELOADED.search(line)
            if match:
                swaps.append((float(line.split(" ", 1)[0]), float(match.group(1))))
    frames = read_frames(sys.argv[3])

    delays, loads, windows = [], [], []
    for w in writes:
        later = [s for s in swaps if s[0] > w]
        if not later:
            continue
        swap, load_ms = later[0]
        delays.append((swap - w) * 1000)
        loads.append(load_ms)
        windows.append((w, swap + AFTER_SWAP))
    print("reload_count\t%d of %d writes swapped in" % (len(delays), len(writes)))
    print("reload_swap\t%s" % summary(delays))
    print("reload_load\t%s" % summary(loads))

    inside, outside = [], []
    for i in range(1, len(frames)):
        start, cpu = frames[i]
        gap = (start - frames[i - 1][0]) * 1000
        during = any(lo <= start <= hi for lo, hi in windows)
        (inside if during else outside).append((cpu, gap))
    for name, rows in (("reload_frames", inside), ("other_frames", outside)):
        if not rows:
            print("%s\tnone" % name)
            continue
        cpus = [r[0] for r in rows]
        gaps = sorted(r[1] for r in rows)
        late = sum(1 for c in cpus if c > BUDGET_MS)
        print("%s\t%d frames: CPU %.1f ms max, %d over %.1f ms; gap between frames %.0f ms p50, %.0f ms max"
              % (name, len(rows), max(cpus), late, BUDGET_MS, statistics.median(gaps), gaps[-1]))


if __name__ == "__main__":
    main()

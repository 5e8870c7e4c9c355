#!/usr/bin/python3
"""Memory growth of a soak run, from samples taken at quiet moments.

Inputs (all written by scripts/soak):
  MEMORY  "unix_time pss_kB rss_kB anon_kB text_size screen idle_resets" every 0.5 s
          (bench/lib.sh sample_memory)
  WRITES  "unix_time write N FILE" just before each content file is renamed into place
  STDERR  the kiosk's stderr, each line prefixed with the unix time it came
  FRAMES  the kiosk's --frame-stats file

A sample is quiet when the kiosk swapped in a reload at least QUIET_AFTER
seconds before it and no file was written since that swap: the old content,
its search index and pictures are gone and the next reload has not started.

Only checkpoints are compared: scripts/soak stops its walk every so many
events, jumps the clock past the idle timeout and waits on the home screen
the reset leaves, and writes no content meanwhile. After an idle reset the kiosk is in
the same state every time (home, default language and text size, pictures
freed, heap trimmed), whatever the patient did before; any other state
depends on which page, language and pictures the random taps happened to
reach. At the end of each wait the script asks the kiosk for its heap
("heap N kB in use" on stderr: malloc's live bytes, all arenas and blocks
mapped on their own).

The verdict is on that heap: what a leak grows, whichever thread leaked.
The first WARM_UP of the run is warm-up; the baseline is the median of the
checkpoints in the next WINDOW, the end the median of those in the last
WINDOW. The frame-stats probe keeps one row per frame in memory until exit;
its bytes (by the frames drawn before each window) are taken off.

Anonymous memory (heap pages, GL buffers, stacks), PSS and RSS are printed
too, at the same checkpoints (the lowest quiet sample at least SETTLE
seconds into each), but do not decide. In one run malloc's statistics put
28.7 to 30.5 MB in use at the checkpoints, with no trend, while their
anonymous memory ranged 48 to 62 MB and its median rose 6 % from one
window to the next: blocks a thread frees leave pages partly used in the
arena it allocated them from, and which arena holds the long-lived blocks
depends on which thread built them. PSS and RSS also count the GL
driver's and other libraries' pages.

Prints "key value ..." lines; "growth P" is the heap's growth in percent,
999 when there are too few checkpoints to tell.

usage: soak_memory.py MEMORY WRITES STDERR FRAMES
       soak_memory.py --self-test   the verdict passes a flat heap and fails a leak
"""
import bisect
import re
import statistics
import sys

import frame_stats

QUIET_AFTER = 1.0
SETTLE = 1.0              # seconds into a checkpoint: the reset's own work is done
CHECKPOINT = "home"       # the screen an idle reset leaves
WARM_UP = 0.5             # scripts/soak runs its walk twice: the first pass warms up
WINDOW = 0.25
MIN_SAMPLES = 3           # checkpoints in each window
ROW_BYTES = 72            # sizeof(FrameStats::Row) on x86-64
LONG_NAME_BYTES = 32      # a screen name past the 15-byte small-string buffer


def read_times(path, word):
    times = []
    with open(path, errors="replace") as f:
        for line in f:
            parts = line.split(" ", 1)
            if len(parts) == 2 and word in parts[1]:
                times.append(float(parts[0]))
    return sorted(times)


def read_frames(path):
    """Unix time of each frame and the probe bytes kept by then (cumulative)."""
    first_unix, rows = frame_stats.read(path)
    times, kept, total = [], [], 0
    for fields in rows:
        total += ROW_BYTES + (LONG_NAME_BYTES if len(fields[4]) > 15 else 0)
        times.append(first_unix + float(fields[0]))
        kept.append(total)
    return times, kept


def last_before(times, t):
    i = bisect.bisect_right(times, t)
    return times[i - 1] if i else None


def quiet(t, writes, swaps):
    swap = last_before(swaps, t)
    write = last_before(writes, t)
    return swap is not None and t - swap >= QUIET_AFTER and (write is None or write < swap)


def probe_kb(frame_times, frame_kept, t):
    i = bisect.bisect_right(frame_times, t)
    return frame_kept[i - 1] / 1024 if i else 0.0


def read_heap(path):
    """(unix time, kB) of each "heap N kB in use" line the kiosk printed."""
    points = []
    with open(path, errors="replace") as f:
        for line in f:
            match = re.match(r"(\d+(?:\.\d+)?) .*: heap (\d+) kB in use$", line.rstrip("\n"))
            if match:
                points.append((float(match.group(1)), float(match.group(2))))
    return points


def window(samples, lo, hi):
    return [s for s in samples if lo <= s[0] <= hi]


def checkpoints(samples, writes, swaps):
    """(time, pss, rss, anon) of each stay on the home screen that an idle
    reset began (nothing touched since): the lowest of each column over its
    quiet samples at least SETTLE seconds in."""
    visits, run, previous = [], [], None
    for s in samples + [None]:
        home = s is not None and s[5] == CHECKPOINT
        starts = home and previous is not None and s[6] != previous[6]
        goes_on = home and run and s[6] == run[0][6]
        if run and not goes_on:
            kept = [r for r in run if r[0] - run[0][0] >= SETTLE and quiet(r[0], writes, swaps)]
            if kept:
                visits.append((kept[0][0],) + tuple(min(r[c] for r in kept) for c in (1, 2, 3)))
            run = []
        if starts:
            run = [s]
        elif goes_on:
            run.append(s)
        previous = s
    return visits


def growth(base, last, column, probe):
    b = statistics.median(v[column] for v in base)
    e = statistics.median(v[column] for v in last)
    return b, e, (e - probe - b) * 100 / b


def windows(points, begin, end):
    """The checkpoints after warm-up and those at the end (see above)."""
    span = end - begin
    return (window(points, begin + WARM_UP * span, begin + (WARM_UP + WINDOW) * span),
            window(points, end - WINDOW * span, end))


def self_test():
    """The heap verdict on made-up checkpoints: one every 7 s over 260 s,
    with the dips and bumps a reload in flight leaves."""
    times = [5 + 7 * i for i in range(38)]
    noise = [0, 300, -200, 800, -6800, 100, 1500, -400, 0, 200, -7000, 600, 50, -100, 1300, 0, -300, 400, 0]
    flat = [(t, 29000.0 + noise[i % len(noise)]) for i, t in enumerate(times)]
    # 30 kB a second: 2 MB between the windows, 8 MB over the run.
    leaking = [(t, 29000.0 + noise[i % len(noise)] + 30.0 * t) for i, t in enumerate(times)]
    cases = [("flat heap", flat, lambda g: abs(g) < 5.0), ("leaking heap", leaking, lambda g: g >= 5.0)]
    ok = True
    for name, points, passes in cases:
        base, last = windows(points, 0.0, 265.0)
        if min(len(base), len(last)) < MIN_SAMPLES:
            print("self-test %s: too few checkpoints" % name)
            ok = False
            continue
        g = growth(base, last, 1, 0.0)[2]
        print("self-test %s: growth %.2f %% -> %s" % (name, g, "as expected" if passes(g) else "WRONG"))
        ok = ok and passes(g)
    return ok


def main():
    if sys.argv[1:] == ["--self-test"]:
        sys.exit(0 if self_test() else 1)
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    with open(sys.argv[1]) as f:
        rows = [line.split() for line in f]
    # (time, pss, rss, anon, text size, screen, idle resets); "-" when not known.
    samples = [tuple(float(x) for x in row[:4]) + tuple((row + ["-"] * 3)[4:7]) for row in rows if 4 <= len(row) <= 7]
    writes = read_times(sys.argv[2], "write")
    swaps = read_times(sys.argv[3], "content reloaded")
    heap = [p for p in read_heap(sys.argv[3]) if quiet(p[0], writes, swaps)]
    frame_times, frame_kept = read_frames(sys.argv[4])
    if not samples:
        print("growth 999 (no memory samples)")
        return
    begin, end = samples[0][0], samples[-1][0]
    span = end - begin
    visits = checkpoints(samples, writes, swaps)
    print("samples %d over %.0f s, %d checkpoints, %d heap figures; anonymous %.0f to %.0f kB, PSS %.0f to %.0f kB, "
          "RSS %.0f to %.0f kB"
          % (len(samples), span, len(visits), len(heap), min(s[3] for s in samples), max(s[3] for s in samples),
             min(s[1] for s in samples), max(s[1] for s in samples),
             min(s[2] for s in samples), max(s[2] for s in samples)))
    base, last = windows(visits, begin, end)
    heap_base, heap_last = windows(heap, begin, end)
    if min(len(heap_base), len(heap_last)) < MIN_SAMPLES:
        print("growth 999 (too few heap figures after warm-up (%d) and at the end (%d))"
              % (len(heap_base), len(heap_last)))
        return
    probe = probe_kb(frame_times, frame_kept, statistics.median(p[0] for p in heap_last)) \
        - probe_kb(frame_times, frame_kept, statistics.median(p[0] for p in heap_base))
    print("baseline: median of %d checkpoints after %.0f s of warm-up; end: of %d in the last %.0f s"
          % (len(heap_base), WARM_UP * span, len(heap_last), WINDOW * span))
    print("checkpoints (s, heap kB): %s" % " ".join("%.0f:%.0f" % (p[0] - begin, p[1]) for p in heap))
    print("checkpoints (s, anonymous kB): %s" % " ".join("%.0f:%.0f" % (v[0] - begin, v[3]) for v in visits))
    print("frame-stats rows kept meanwhile %.0f kB, taken off the end" % probe)
    if min(len(base), len(last)) >= MIN_SAMPLES:
        for name, column in (("pss", 1), ("rss", 2), ("anonymous", 3)):
            b, e, g = growth(base, last, column, probe)
            print("%s_growth %.2f %% (%.0f -> %.0f kB)" % (name, g, b, e))
    b, e, g = growth(heap_base, heap_last, 1, probe)
    print("growth %.2f %% (heap %.0f -> %.0f kB)" % (g, b, e))


if __name__ == "__main__":
    main()

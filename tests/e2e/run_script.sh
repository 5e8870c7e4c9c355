#!/bin/sh
# Runs the kiosk on an input script in a 1080x1920 window and passes on its
# exit status (1 when an `expect` in the script failed).
#
# usage: run_script.sh CAREKIOSK CONTENT_DIR SCRIPT CACHE_DIR
# exit: 0 the script held, 1 it did not, 77 skipped (no X display)
set -u
bin=$1
content=$2
script=$3
cache=$4

if [ -z "${DISPLAY:-}" ]; then
    echo "SKIP: \$DISPLAY is not set (run under Xvfb: Xvfb :55 & DISPLAY=:55)"
    [ "${CI:-}" = true ] && { echo "CI=true: a missing input is a failure, not a skip"; exit 1; }; exit 77
fi
if command -v xdpyinfo >/dev/null 2>&1 && ! xdpyinfo >/dev/null 2>&1; then
    echo "SKIP: no X server answers on $DISPLAY"
    [ "${CI:-}" = true ] && { echo "CI=true: a missing input is a failure, not a skip"; exit 1; }; exit 77
fi
mkdir -p "$cache" || exit 1
"$bin" --windowed --size 1080x1920 --content "$content" --cache-dir "$cache" --script "$script"
status=$?
[ "$status" -eq 0 ] && echo "ok: $script"
exit "$status"

#!/bin/bash
# The README's command-line block is `carekiosk --help`, letter for letter:
# usage.cpp is the one source, and this keeps the README's copy from drifting.
# Usage: readme_usage.sh CAREKIOSK README.md
set -u
cli=$1 readme=$2
copy=$(awk '/<!-- usage: carekiosk --help -->/ { on = 1; next } on && /^```$/ { if (started) exit; started = 1; next } on && started' "$readme")
if [ -z "$copy" ]; then
    echo "FAIL: $readme has no block after '<!-- usage: carekiosk --help -->'"
    exit 1
fi
help=$("$cli" --help)
if [ "$copy" != "$help" ]; then
    echo "FAIL: the README's usage differs from carekiosk --help (fix the README from it):"
    diff <(printf '%s\n' "$copy") <(printf '%s\n' "$help")
    exit 1
fi
echo "ok: the README's usage is carekiosk --help ($(printf '%s\n' "$help" | wc -l) lines)"

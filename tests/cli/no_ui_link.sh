#!/bin/bash
# `carekiosk` (check, search, dump, report, speak, set-pin) must not load or
# contain the window system: no GLFW, GL or X libraries among what it needs,
# and no ImGui code linked in (ImGui is a static library, so ask the symbols).
# Usage: no_ui_link.sh CAREKIOSK CAREKIOSK_KIOSK
set -u
cli=$1 kiosk=$2
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
needed() { readelf -d "$1" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'; }
ui_libs='^lib(glfw|GL|GLX|EGL|OpenGL|X11|xcb)[.-]'
bad=$(needed "$cli" | grep -E "$ui_libs")
[ -z "$bad" ] && echo "ok: carekiosk needs none of GLFW, GL, X11" || fail "carekiosk needs: $bad"
imgui=$(nm -C "$cli" | grep -c ' ImGui::')
[ "$imgui" -eq 0 ] && echo "ok: carekiosk holds no ImGui symbol" || fail "carekiosk holds $imgui ImGui symbols"
# The same checks find what they look for in the program that has them,
# so a broken readelf or nm cannot make this pass.
needed "$kiosk" | grep -qE "$ui_libs" && echo "ok: carekiosk-kiosk does need them (the check works)" ||
    fail "carekiosk-kiosk needs no window library: the check itself is broken"
[ "$(nm -C "$kiosk" | grep -c ' ImGui::')" -gt 0 ] && echo "ok: carekiosk-kiosk holds ImGui (the check works)" ||
    fail "no ImGui symbol found in carekiosk-kiosk: the check itself is broken"
[ "$failures" -eq 0 ]

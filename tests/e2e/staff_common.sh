# Shared by reload.sh and staff.sh: skip without X, wait for files, count failures.
# Sourced, not run.

require_display() {
    if [ -z "${DISPLAY:-}" ]; then
        echo "SKIP: \$DISPLAY is not set (run under Xvfb: Xvfb :55 & DISPLAY=:55)"
        exit 77
    fi
    if command -v xdpyinfo >/dev/null 2>&1 && ! xdpyinfo >/dev/null 2>&1; then
        echo "SKIP: no X server answers on $DISPLAY"
        exit 77
    fi
}

# wait_for FILE SECONDS: true once FILE exists
wait_for() {
    tries=$(($2 * 10))
    while [ ! -e "$1" ] && [ "$tries" -gt 0 ]; do
        sleep 0.1
        tries=$((tries - 1))
    done
    [ -e "$1" ]
}

failures=0
fail() {
    echo "FAIL: $*"
    failures=$((failures + 1))
}
ok() {
    echo "ok: $*"
}

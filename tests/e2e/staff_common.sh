# Shared by reload.sh and staff.sh: the touch tests' helpers plus waiting for files.
# Sourced, not run.

. "$(dirname "$0")/touch_lib.sh"   # require_display, fail, ok (FAILURES)

# wait_for FILE SECONDS: true once FILE exists
wait_for() {
    tries=$(($2 * 10))
    while [ ! -e "$1" ] && [ "$tries" -gt 0 ]; do
        sleep 0.1
        tries=$((tries - 1))
    done
    [ -e "$1" ]
}

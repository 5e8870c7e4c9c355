#!/usr/bin/env bash
# No test is registered that cannot run:
# - no TEST_CASE name holds a ';' (CMake splits discovered names there, and
#   the CTest entry's filter then matches nothing);
# - per Catch2 executable, the test cases it lists are exactly the CTest
#   entries that run it (a name that CTest cannot pass back is caught here).
# usage: test_registration.sh TESTS_SOURCE_DIR TESTS_BUILD_DIR EXECUTABLE...
set -u
src=$1
build=$2
shift 2
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

semi=$(grep -rnE 'TEST_CASE\("[^"]*;' "$src" --include='*.cpp')
[ -z "$semi" ] || fail "TEST_CASE names with ';': $semi"

listing=$(ctest --test-dir "$build" -N 2>/dev/null)
for exe in "$@"; do
    name=$(basename "$exe")
    catch_count=$("$exe" --list-test-names-only | grep -c .)
    ctest_count=$(grep -cE "Test +#[0-9]+: $name:" <<<"$listing")
    if [ "$catch_count" -eq 0 ]; then
        fail "$name lists no test cases"
    elif [ "$catch_count" -ne "$ctest_count" ]; then
        fail "$name: Catch2 lists $catch_count test cases, CTest has $ctest_count entries"
    else
        echo "$name: $catch_count test cases, all registered"
    fi
done
[ "$failures" -eq 0 ]

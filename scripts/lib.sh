# Shared by scripts/run and scripts/test: Debian packages, build, Xvfb.
# Source it; it defines functions only.

CAREKIOSK_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Everything the kiosk needs to build and run, from Debian 12.
CAREKIOSK_BUILD_PACKAGES=(
    cmake g++ make pkg-config
    libimgui-dev libglfw3-dev libgl-dev libx11-dev python3-glad libstb-dev
    libmd4c-dev libmd4c-html0-dev nlohmann-json3-dev libyaml-cpp-dev
    libxapian-dev libsodium-dev libfreetype-dev wordnet-base
    libespeak-ng-dev libqrencode-dev libsqlite3-dev libmpv-dev
    fonts-noto-core fonts-noto-cjk fonts-dejavu-core fonts-material-design-icons-iconfont libfontconfig-dev
    wamerican wbritish wspanish
    xvfb xauth x11-utils libgl1-mesa-dri
)
# Only for the tests.
CAREKIOSK_TEST_PACKAGES=(catch2 xdotool clang libclang-rt-14-dev zbar-tools dpkg-dev sqlite3 python3-pil ffmpeg)

log() { printf '==> %s\n' "$*"; }

# Installs the packages that are not installed yet (apt-get; as root, or
# through sudo). Does nothing when everything is present.
install_missing_packages() {
    local missing=() pkg
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    log "installing Debian packages: ${missing[*]}"
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null; then sudo="sudo"; else
            echo "error: these packages are missing and I am not root: ${missing[*]}" >&2
            echo "       install them with: apt-get install ${missing[*]}" >&2
            return 1
        fi
    fi
    export DEBIAN_FRONTEND=noninteractive
    if ! $sudo apt-get install -y --no-install-recommends "${missing[@]}"; then
        log "refreshing the package lists and trying again"
        $sudo apt-get update
        $sudo apt-get install -y --no-install-recommends "${missing[@]}"
    fi
}

# configure_and_build BUILD_DIR [extra cmake args...]
configure_and_build() {
    local build_dir="$1"; shift
    cmake -S "$CAREKIOSK_ROOT" -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
    cmake --build "$build_dir" -j"$(nproc)"
}

# True when $DISPLAY names an X server that answers.
display_works() {
    [ -n "${DISPLAY:-}" ] && xdpyinfo >/dev/null 2>&1
}

# Starts Xvfb on a free display and exports DISPLAY; stop_xvfb stops it.
# XVFB_SCREEN sets the screen (default 2048x2048x24).
# -noreset: by default the server resets whenever its last client leaves,
# and a client connecting during that reset is refused.
start_xvfb() {
    local n
    for n in $(seq 90 140); do
        [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ] && continue
        Xvfb ":$n" -screen 0 "${XVFB_SCREEN:-2048x2048x24}" -nolisten tcp -noreset +extension GLX >/dev/null 2>&1 &
        XVFB_PID=$!
        export DISPLAY=":$n"
        local i
        for i in $(seq 1 50); do
            xdpyinfo >/dev/null 2>&1 && return 0
            kill -0 "$XVFB_PID" 2>/dev/null || break
            sleep 0.1
        done
        kill "$XVFB_PID" 2>/dev/null
        unset XVFB_PID
    done
    echo "error: could not start Xvfb" >&2
    return 1
}

stop_xvfb() {
    if [ -n "${XVFB_PID:-}" ]; then
        kill "$XVFB_PID" 2>/dev/null
        wait "$XVFB_PID" 2>/dev/null
        unset XVFB_PID
    fi
}

# The core unit tests (no UI) built with ASan + UBSan in build-asan/ and run
# so that any sanitizer report, leak included, fails.
run_sanitizer_tests() {
    configure_and_build "$CAREKIOSK_ROOT/build-asan" -DCAREKIOSK_SANITIZE=ON -DCAREKIOSK_BUILD_UI=OFF
    XDG_CACHE_HOME="$CAREKIOSK_ROOT/build-asan/test-cache" \
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
        ctest --test-dir "$CAREKIOSK_ROOT/build-asan" --output-on-failure -j"$(nproc)" --timeout 900
}

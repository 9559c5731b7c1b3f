# shellcheck shell=bash
# Sourced by scripts/windows-release and scripts/wine-checks: installs, only when missing, what
# building for Windows (and running that build under Wine) needs on a Debian machine.

TARGET=x86_64-pc-windows-gnu

# apt-get update once, and only if something is to be installed.
apt_install() {
    if [ -z "${_apt_updated:-}" ]; then
        echo "windows-tools: apt-get update" >&2
        apt-get update -qq >&2
        _apt_updated=1
    fi
    echo "windows-tools: apt-get install $*" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >&2
}

# The Rust standard library for Windows, and MinGW-w64 to link against (and to build the
# test programs of scripts/wine/).
need_windows_toolchain() {
    if ! rustup target list --installed | grep -qx "$TARGET"; then
        rustup target add "$TARGET" >&2
    fi
    command -v x86_64-w64-mingw32-gcc >/dev/null || apt_install gcc-mingw-w64-x86-64
    command -v python3 >/dev/null || apt_install python3
}

# Wine (64-bit only: tonghop.exe is a 64-bit program), and `script` for a pseudo-terminal.
need_wine() {
    command -v wine >/dev/null || apt_install wine wine64
    command -v script >/dev/null || apt_install bsdutils
}

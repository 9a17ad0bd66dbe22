#!/usr/bin/env bash
# Builds the Debian package target/debian/parallax_<version>-1_<arch>.deb: the binary, the
# desktop entry, the icons in the hicolor theme, the README and the licence, with the run-time
# libraries the window loads declared as dependencies ([package.metadata.deb] in Cargo.toml).
#   assets/build-deb.sh
#   sudo apt install ./target/debian/parallax_*.deb
set -euo pipefail
cd "$(dirname "$0")/.."
command -v cargo-deb >/dev/null || cargo install cargo-deb --locked
command -v dpkg-deb >/dev/null || { echo "build-deb: needs dpkg-deb (Debian or Ubuntu)" >&2; exit 2; }
cargo deb --locked --strip "$@"
ls -l target/debian/*.deb

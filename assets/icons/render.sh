#!/usr/bin/env bash
# Renders the icon's PNGs from parallax.svg (the one source): run it after changing the SVG.
#   apt-get install librsvg2-bin   # rsvg-convert
#   assets/icons/render.sh
set -euo pipefail
cd "$(dirname "$0")"
for size in 16 24 32 48 64 128 256 512; do
  rsvg-convert --width "$size" --height "$size" --format png parallax.svg > "parallax-$size.png"
done

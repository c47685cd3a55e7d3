#!/usr/bin/env bash
# Renders the committed PNGs and the Windows .ico from zhengban.svg. Run by hand after
# changing the SVG (the outputs are committed; the build does not run this).
# Needs rsvg-convert (Debian: librsvg2-bin) and Python Pillow (pip install pillow).
set -euo pipefail
cd "$(dirname "$0")"
for s in 48 128 256; do
  rsvg-convert -w "$s" -h "$s" zhengban.svg -o "zhengban-$s.png"
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for s in 16 24 32 48 64 128 256; do
  rsvg-convert -w "$s" -h "$s" zhengban.svg -o "$tmp/$s.png"
done
python3 - "$tmp" <<'PY'
import sys
from PIL import Image
d = sys.argv[1]
sizes = [16, 24, 32, 48, 64, 128, 256]
imgs = [Image.open(f"{d}/{s}.png").convert("RGBA") for s in sizes]
# each size drawn by rsvg at that size, not scaled down from 256
imgs[-1].save("zhengban.ico", format="ICO", sizes=[(s, s) for s in sizes], append_images=imgs[:-1])
PY

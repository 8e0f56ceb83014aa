#!/bin/sh
# The app icon: 救 in white on the app's blue, drawn by ffmpeg with Noto Sans CJK (fonts-noto-cjk),
# at every size the desktops ask for. Run again after changing the look; the PNGs are committed.
set -eu
font=/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc
out=$(dirname "$0")/../build/icons
mkdir -p "$out"
for size in 512 256 128 64 48 32 16; do
  ffmpeg -loglevel error -y -f lavfi -i "color=c=0x1d4ed8:s=${size}x${size}" \
    -vf "drawtext=fontfile=$font:text=救:fontsize=$((size * 64 / 100)):fontcolor=white:x=(w-tw)/2:y=(h-th)/2-th*0.06" \
    -frames:v 1 "$out/${size}x${size}.png"
done
cp "$out/512x512.png" "$(dirname "$0")/../build/icon.png"

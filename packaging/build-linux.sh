#!/usr/bin/env bash
# The portable Linux x86_64 release, into dist/:
#   zhengban-<版本>-linux-x86_64.tar.gz  the binary, 使用说明.txt, the desktop entry, the icon
#   zhengban_<版本>-1_amd64.deb          /usr/bin/zhengban, the desktop entry, the icons
#   SHA256SUMS
# The binary is built by cargo-zigbuild against glibc 2.17, so it runs on any x86_64 Linux
# from 2014 on (统信 UOS 20, 银河麒麟 V10, CentOS 7, Debian 8 ...). The .deb carries that same
# binary (cargo deb --no-build).
# Needs cargo-zigbuild, zig (pip install ziglang) and cargo-deb; packaging/check.sh installs
# them and then checks what this script built.
set -euo pipefail
cd "$(dirname "$0")/.."

triple=x86_64-unknown-linux-gnu
glibc=2.17
pkgid=$(cargo pkgid)
version=${pkgid##*[#@]}
target_dir=${CARGO_TARGET_DIR:-target}
name=zhengban-$version-linux-x86_64

echo "== cargo zigbuild --release --target $triple.$glibc"
cargo zigbuild --release --locked --target "$triple.$glibc"
bin=$target_dir/$triple/release/zhengban
[ -x "$bin" ] || { echo "build-linux.sh: no binary at $bin" >&2; exit 1; }

mkdir -p dist
rm -rf "dist/$name" "dist/$name.tar.gz" dist/zhengban_"$version"-*_amd64.deb dist/SHA256SUMS

echo "== cargo deb (the binary above, not rebuilt)"
cargo deb --no-build --locked --target "$triple" --output dist/ >/dev/null
deb=$(ls dist/zhengban_"$version"-*_amd64.deb)

echo "== $name.tar.gz"
stage=dist/$name
mkdir -p "$stage"
install -m 755 "$bin" "$stage/zhengban"
install -m 644 packaging/linux/使用说明.txt packaging/zhengban.desktop "$stage/"
install -m 644 packaging/icons/zhengban.svg "$stage/zhengban.svg"
install -m 644 packaging/icons/zhengban-256.png "$stage/zhengban.png"
# The same bytes for the same commit: entries sorted, owned by root, dated by the commit.
mtime=$(git log -1 --format=%ct 2>/dev/null || date +%s)
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$mtime" \
  -C dist -czf "dist/$name.tar.gz" "$name"

(cd dist && sha256sum "$name.tar.gz" "$(basename "$deb")" >SHA256SUMS)
echo "== dist/"
ls -l "dist/$name.tar.gz" "$deb" dist/SHA256SUMS

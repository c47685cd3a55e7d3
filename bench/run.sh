#!/bin/sh
# The benchmark of issue 7: generate the corpora (once), build zhengban and the calamine
# baseline in release mode, time them with python-calamine and openpyxl, write
# bench/results.md. Needs: cargo, python3 with openpyxl and python-calamine
# (pip install openpyxl python-calamine). Takes about 15 minutes on 2 cores, most of it
# openpyxl (generating, then reading).
#   bench/run.sh [--reps N] [--skip CORPUS]...
set -eu
cd "$(dirname "$0")/.."
python3 -c 'import openpyxl, python_calamine' 2>/dev/null || {
    echo "bench/run.sh: needs openpyxl and python-calamine (pip install openpyxl python-calamine)" >&2
    exit 2
}
python3 bench/generate.py --out bench/corpora
cargo build --release --quiet
cargo build --release --quiet --manifest-path bench/calamine-read/Cargo.toml --target-dir target/bench
python3 bench/measure.py --corpora bench/corpora --zhengban target/release/zhengban \
    --calamine target/bench/release/calamine-read --out bench/results.md --instructions "$@"

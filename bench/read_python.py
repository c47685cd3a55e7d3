#!/usr/bin/env python3
"""Benchmark baselines in Python: read every cell of every sheet of the workbooks given.

    python3 bench/read_python.py calamine DIR...   # python-calamine (pip install python-calamine)
    python3 bench/read_python.py openpyxl DIR...   # openpyxl, read_only=True, data_only=True
"""
import os
import sys


def workbooks(paths):
    for p in paths:
        if os.path.isdir(p):
            yield from workbooks(sorted(os.path.join(p, n) for n in os.listdir(p)))
        elif p.lower().endswith((".xlsx", ".xlsm", ".xls", ".ods")):
            yield p


def read_calamine(path):
    from python_calamine import CalamineWorkbook

    wb = CalamineWorkbook.from_path(path)
    cells = text = 0
    for name in wb.sheet_names:
        for row in wb.get_sheet_by_name(name).to_python(skip_empty_area=False):
            for v in row:
                if v != "":
                    cells += 1
                    if isinstance(v, str):
                        text += len(v)
    return cells, text


def read_openpyxl(path):
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True, data_only=True)
    cells = text = 0
    for ws in wb.worksheets:
        for row in ws.iter_rows(values_only=True):
            for v in row:
                if v is not None:
                    cells += 1
                    if isinstance(v, str):
                        text += len(v)
    wb.close()
    return cells, text


def main():
    lib, paths = sys.argv[1], sys.argv[2:]
    read = {"calamine": read_calamine, "openpyxl": read_openpyxl}[lib]
    files = cells = text = 0
    for p in workbooks(paths):
        c, t = read(p)
        files, cells, text = files + 1, cells + c, text + t
    print(f"{files} workbooks, {cells} cells, {text} characters of text")


if __name__ == "__main__":
    main()

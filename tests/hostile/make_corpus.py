#!/usr/bin/env python3
"""The committed part of the hostile corpus: small files, each a reproducer of a class of input
that once crashed, hung or misled zhengban (issue 8). tests/hostile/main.rs runs the binary
over them under a 2 GB address-space limit; the reproducers that are big in effect and also
big on disk (zip bombs, 200k rows, 10,000 sheets) and the symlink loops are made by that test
at run time instead.

Run: python3 tests/hostile/make_corpus.py
Needs: pip install openpyxl msoffcrypto-tool; soffice (for the .xls). CI does not run this
script; the outputs in tests/hostile/corpus/ are committed. Files named `mutant-*` there were
found by tests/mutation.rs and are kept as it made them (this script does not write them).
The properties and the save time are fixed and zip entries get a fixed date, so a rerun gives
the same bytes except for the encrypted files (random salt) and the LibreOffice-written .xls.
"""
import datetime as dt
import io
import os
import re
import shutil
import struct
import subprocess
import tempfile
import zipfile

from openpyxl import Workbook

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "corpus")
FIXED = (2026, 11, 1, 9, 0, 0)


def base_xlsx():
    """A small ledger-like workbook (a title, a header, two rows), written by openpyxl."""
    wb = Workbook()
    wb.properties.creator = "某单位信息中心"
    wb.properties.created = dt.datetime(*FIXED)
    wb.properties.modified = dt.datetime(*FIXED)
    ws = wb.active
    ws.title = "汇总表"
    ws["A1"] = "软件使用情况汇总表"
    ws.append(["序号", "软件编号", "软件名称", "软件版本", "许可数量", "安装数量"])
    ws.append([1, "RJ001", "WPS Office", "2019", 10, 8])
    ws.append([2, "RJ002", "麒麟操作系统", "V10", 10, 10])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def shared_strings(data):
    """`data` with its inline strings moved to a shared-strings part, as Excel writes them
    (openpyxl 3.1 writes inline strings)."""
    strings = []

    def to_index(m):
        text = m.group(2)
        if text not in strings:
            strings.append(text)
        return f'<c r="{m.group(1)}" t="s"><v>{strings.index(text)}</v></c>'

    out = []
    for n, b in parts(data):
        if n == SHEET:
            b = re.sub(
                r'<c r="([A-Z]+\d+)" t="inlineStr"><is><t>([^<]*)</t></is></c>',
                to_index, b.decode(),
            ).encode()
        elif n == "xl/_rels/workbook.xml.rels":
            b = b.replace(
                b"</Relationships>",
                b'<Relationship Id="rIdSst" Target="sharedStrings.xml" Type="http://schemas.'
                b'openxmlformats.org/officeDocument/2006/relationships/sharedStrings"/>'
                b"</Relationships>",
            )
        elif n == "[Content_Types].xml":
            b = b.replace(
                b"</Types>",
                b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
            )
        out.append((n, b))
    sst = "".join(f"<si><t>{t}</t></si>" for t in strings)
    out.append((
        "xl/sharedStrings.xml",
        ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
         '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
         f' count="{len(strings)}" uniqueCount="{len(strings)}">{sst}</sst>').encode(),
    ))
    return rezip(out)


def parts(data):
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return [(i.filename, z.read(i.filename)) for i in z.infolist()]


def rezip(entries):
    """Entries (name, bytes) into a zip, in order, deflated, with a fixed date."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries:
            if name == "docProps/core.xml":
                # openpyxl stamps the save time whatever the properties say.
                data = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2026-11-01T09:00:00Z", data
                )
            info = zipfile.ZipInfo(name, FIXED)
            info.compress_type = (
                zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            )
            z.writestr(info, data)
    return buf.getvalue()


def patched(data, name, edit):
    """`data` with the zip entry `name` replaced by `edit(text)`."""
    out = []
    for n, b in parts(data):
        if n == name:
            b = edit(b.decode("utf-8")).encode("utf-8")
        out.append((n, b))
    return rezip(out)


def without(data, name):
    return rezip([(n, b) for n, b in parts(data) if n != name])


SHEET = "xl/worksheets/sheet1.xml"


def add_rows(xml_rows, dimension=None):
    def edit(x):
        x = x.replace("</sheetData>", xml_rows + "</sheetData>")
        if dimension:
            x = re.sub(r'<dimension ref="[^"]*"', f'<dimension ref="{dimension}"', x)
        return x

    return edit


def inline(ref, text="x"):
    r = f' r="{ref}"' if ref else ""
    return f'<c{r} t="inlineStr"><is><t>{text}</t></is></c>'


def far_cell(ref, row):
    return patched(
        base_xlsx(), SHEET, add_rows(f'<row r="{row}">{inline(ref)}</row>', f"A1:{ref}")
    )


def ods(content_rows):
    """A minimal OpenDocument spreadsheet whose one table holds `content_rows`."""
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content'
        ' xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
        ' office:version="1.2"><office:body><office:spreadsheet>'
        '<table:table table:name="汇总表">'
        '<table:table-row><table:table-cell office:value-type="string">'
        "<text:p>软件使用情况汇总表</text:p></table:table-cell></table:table-row>"
        f"{content_rows}"
        "</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"'
        ' manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/"'
        ' manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    return rezip(
        [
            ("mimetype", b"application/vnd.oasis.opendocument.spreadsheet"),
            ("META-INF/manifest.xml", manifest.encode()),
            ("content.xml", content.encode()),
        ]
    )


def ods_cell(text="x", repeat_cols=None):
    rep = f' table:number-columns-repeated="{repeat_cols}"' if repeat_cols else ""
    return (
        f'<table:table-cell office:value-type="string"{rep}>'
        f"<text:p>{text}</text:p></table:table-cell>"
    )


def encrypted_xlsx():
    import msoffcrypto.format.ooxml

    out = io.BytesIO()
    msoffcrypto.format.ooxml.OOXMLFile(io.BytesIO(base_xlsx())).encrypt("1234", out)
    return out.getvalue()


def filepass_xls():
    """A LibreOffice-written .xls whose workbook globals carry a FILEPASS record (RC4), as an
    Excel file with an open password does: the first records after BOF (INTERFACEHDR, MMS,
    INTERFACEEND, WRITEACCESS) are replaced, in place and at the same total length, by
    FILEPASS and a filler record, so the OLE container stays valid."""
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "base.xlsx")
        with open(src, "wb") as f:
            f.write(base_xlsx())
        subprocess.run(
            ["soffice", f"-env:UserInstallation=file://{tmp}/profile", "--headless",
             "--convert-to", "xls", "--outdir", tmp, src],
            check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        with open(os.path.join(tmp, "base.xls"), "rb") as f:
            data = bytearray(f.read())
    bof = data.index(b"\x09\x08\x10\x00\x00\x06\x05\x00")
    at = bof + 4 + 16
    # Walk the records that follow BOF up to WRITEACCESS (0x005C), inclusive.
    end = at
    while True:
        typ, size = struct.unpack_from("<HH", data, end)
        end += 4 + size
        if typ == 0x005C:
            break
        assert end - bof < 400, "WRITEACCESS not found right after BOF"
    room = end - at
    # FILEPASS: wEncryptionType 1 (RC4), then an RC4 encryption header (version 1.1, salt,
    # encrypted verifier and its hash: 16 bytes each).
    filepass = struct.pack("<HHH", 1, 1, 1) + bytes(range(48))
    record = struct.pack("<HH", 0x002F, len(filepass)) + filepass
    filler = room - len(record) - 4
    assert filler >= 0
    # The filler is a WRITEACCESS record again (user name padded with spaces).
    record += struct.pack("<HH", 0x005C, filler) + b" " * filler
    data[at:end] = record
    return bytes(data)


def main():
    os.makedirs(OUT, exist_ok=True)
    files = {}
    # Far cells: calamine builds the dense grid from the extent before any limit of ours.
    files["cell-XFD1048576.xlsx"] = far_cell("XFD1048576", 1048576)
    files["cell-S1048576.xlsx"] = far_cell("S1048576", 1048576)
    files["cell-A1048577.xlsx"] = far_cell("A1048577", 1048577)
    # A cell reference whose row does not fit 32 bits, in an ordinary row.
    files["cell-B99999999999.xlsx"] = far_cell("B99999999999", 5)
    files["dimension-A1-XFD1048576.xlsx"] = patched(
        base_xlsx(), SHEET,
        lambda x: re.sub(r'<dimension ref="[^"]*"', '<dimension ref="A1:XFD1048576"', x),
    )
    # A shared-strings count trusted for pre-allocation.
    files["sst-uniqueCount-1000000000.xlsx"] = patched(
        shared_strings(base_xlsx()), "xl/sharedStrings.xml",
        lambda x: re.sub(r'count="\d+" uniqueCount="\d+"',
                         'count="1000000000" uniqueCount="1000000000"', x),
    )
    # Huge row numbers whose cells carry no reference of their own.
    for r in (1048576, 4294967295):
        files[f"row-r-{r}-no-cell-ref.xlsx"] = patched(
            base_xlsx(), SHEET, add_rows(f'<row r="{r}">{inline(None)}</row>')
        )
    # ods repeats: one tiny element that stands for a million rows or the full width.
    files["ods-rows-repeated-1048575.ods"] = ods(
        f'<table:table-row table:number-rows-repeated="1048575">{ods_cell()}</table:table-row>'
    )
    files["ods-rows-repeated-2147483647.ods"] = ods(
        '<table:table-row table:number-rows-repeated="2147483647">'
        f"{ods_cell()}</table:table-row>"
    )
    files["ods-columns-repeated-16384.ods"] = ods(
        f"<table:table-row>{ods_cell(repeat_cols=16384)}</table:table-row>"
    )
    # A zip that holds sheets but no workbook part.
    files["no-workbook-xml.xlsx"] = without(base_xlsx(), "xl/workbook.xml")
    # Open passwords: an encrypted OOXML package (also as sent under an .xls name, which
    # WPS and some mail gateways do), and a BIFF8 file with FILEPASS.
    enc = encrypted_xlsx()
    files["encrypted.xlsx"] = enc
    files["encrypted-ooxml-named.xls"] = enc
    if shutil.which("soffice"):
        files["encrypted-filepass.xls"] = filepass_xls()
    else:
        print("soffice not found: encrypted-filepass.xls left as it is")
    for name, data in files.items():
        with open(os.path.join(OUT, name), "wb") as f:
            f.write(data)
        print(f"{len(data):>8}  {name}")


if __name__ == "__main__":
    main()

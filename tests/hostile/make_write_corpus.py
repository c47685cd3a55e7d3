#!/usr/bin/env python3
"""The committed part of the hostile corpus of the WRITE path (issue 14): realistic ledgers
with one hostile trait each, for what zhengban writes back — the annotated copy
(`check --annotate`), drop mode (`.诊断.*` beside the input) and `derive -o`.

Each file starts from a sample of `samples/` (so there are real findings to annotate and real
figures to derive) and changes one thing by zip surgery, as a spreadsheet program or a clerk's
tool might have left it; tests/hostile/write.rs runs the binary over them under a 2 GB
address-space limit. The reproducers big in effect (200,000 formatted empty rows, a unit with
200,000 diagnostics) are made by that test at run time, not here.

Run: python3 tests/hostile/make_write_corpus.py
Needs: pip install openpyxl (for the comment and chart parts grafted in: what openpyxl
itself writes); the vbaProject.bin of the rust_xlsxwriter crate's examples (in the cargo
registry once the project has been built). CI does not run this script; the outputs in
tests/hostile/write_corpus/ are committed. Zip entries get a fixed date and the order of the
base workbook, so a rerun gives the same bytes.

Bases (the faults planted in them are listed in samples/faulty/*.json):
    FAULTY   samples/faulty/超装与OEM填价: three findings on 附件7 汇总表 (M7, G12, L8)
    MISTYPED samples/faulty/三本台账不一致: a mistyped 软件编号 RJ03 in 附件8 明细表 F17,
             an out-of-date 安装数量, a free program missing from the free list
    CLEAN    samples/shuanglong-national.xlsx: no findings
"""
import glob
import io
import os
import re
import struct
import sys
import zipfile
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
OUT = os.path.join(HERE, "write_corpus")
FIXED = (2026, 11, 1, 9, 0, 0)

FAULTY = os.path.join(ROOT, "samples/faulty/超装与OEM填价/超装与OEM填价.xlsx")
MISTYPED = os.path.join(ROOT, "samples/faulty/三本台账不一致/三本台账不一致.xlsx")
CLEAN = os.path.join(ROOT, "samples/shuanglong-national.xlsx")

SUMMARY = "附件7 汇总表"
DETAIL = "附件8 明细表"

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_WORKSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
CT_DRAWING = "application/vnd.openxmlformats-officedocument.drawing+xml"
CT_COMMENTS = "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"
CT_VML = "application/vnd.openxmlformats-officedocument.vmlDrawing"


# ---------------------------------------------------------------------------------------------
# A package as an ordered list of (name, bytes), edited in place.


class Package:
    def __init__(self, path_or_bytes):
        data = path_or_bytes
        if isinstance(path_or_bytes, str):
            with open(path_or_bytes, "rb") as f:
                data = f.read()
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            self.entries = [[i.filename, z.read(i.filename)] for i in z.infolist()]

    def names(self):
        return [n for n, _ in self.entries]

    def get(self, name):
        for n, b in self.entries:
            if n == name:
                return b
        raise KeyError(name)

    def text(self, name):
        return self.get(name).decode("utf-8")

    def put(self, name, data):
        """Replace the entry `name`, or add it at the end."""
        if isinstance(data, str):
            data = data.encode("utf-8")
        for e in self.entries:
            if e[0] == name:
                e[1] = data
                return
        self.entries.append([name, data])

    def edit(self, name, fn):
        self.put(name, fn(self.text(name)))

    def remove(self, name):
        self.entries = [e for e in self.entries if e[0] != name]

    def zip(self):
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
            for name, data in self.entries:
                info = zipfile.ZipInfo(name, FIXED)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                z.writestr(info, data)
        return buf.getvalue()

    # -- workbook structure ------------------------------------------------------------------

    def sheets(self):
        """(name, rId, part path) of each <sheet> in workbook order."""
        book = self.text("xl/workbook.xml")
        rels = self.text("xl/_rels/workbook.xml.rels")
        targets = {}
        for m in re.finditer(r"<Relationship\b[^>]*>", rels):
            rid = re.search(r'\bId="([^"]*)"', m.group(0)).group(1)
            target = re.search(r'\bTarget="([^"]*)"', m.group(0)).group(1)
            targets[rid] = target.lstrip("/") if target.startswith("/") else "xl/" + target
        out = []
        for m in re.finditer(r"<sheet\b[^>]*>", book):
            name = unescape(re.search(r'\bname="([^"]*)"', m.group(0)).group(1))
            rid = re.search(r'\br:id="([^"]*)"', m.group(0)).group(1)
            out.append((name, rid, targets[rid]))
        return out

    def sheet_part(self, name):
        for n, _, part in self.sheets():
            if n == name:
                return part
        raise KeyError(name)

    def content_type(self, part, ctype):
        """An Override for `/part` in [Content_Types].xml."""
        self.edit(
            "[Content_Types].xml",
            lambda x: x.replace(
                "</Types>", f'<Override PartName="/{part}" ContentType="{ctype}"/></Types>'
            ),
        )

    def default_type(self, ext, ctype):
        self.edit(
            "[Content_Types].xml",
            lambda x: x
            if f'Extension="{ext}"' in x
            else x.replace(
                '<Default Extension="xml"',
                f'<Default Extension="{ext}" ContentType="{ctype}"/><Default Extension="xml"',
            ),
        )

    def add_rel(self, part, rid, rtype, target, external=False):
        """A relationship of `part` (its _rels/NAME.rels is created when missing)."""
        d, f = part.rsplit("/", 1)
        rels = f"{d}/_rels/{f}.rels"
        mode = ' TargetMode="External"' if external else ""
        rel = f'<Relationship Id="{rid}" Type="{rtype}" Target="{target}"{mode}/>'
        if rels in self.names():
            self.edit(rels, lambda x: x.replace("</Relationships>", rel + "</Relationships>"))
        else:
            self.put(
                rels,
                '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                f'<Relationships xmlns="{PKG_REL}">{rel}</Relationships>',
            )

    # -- shared strings and cells ------------------------------------------------------------

    def strings(self):
        sst = self.text("xl/sharedStrings.xml")
        return re.findall(r"<si>.*?</si>|<si/>", sst, re.S)

    def add_string(self, text):
        """Append `text` to the shared strings (Excel's _xHHHH_ escapes for control
        characters); returns its index."""
        n = len(self.strings())

        def edit(x):
            x = x.replace("</sst>", f"<si><t xml:space=\"preserve\">{xstring(text)}</t></si></sst>")
            x = re.sub(r'\bcount="(\d+)"', lambda m: f'count="{int(m.group(1)) + 1}"', x, 1)
            x = re.sub(
                r'\buniqueCount="(\d+)"', lambda m: f'uniqueCount="{int(m.group(1)) + 1}"', x, 1
            )
            return x

        self.edit("xl/sharedStrings.xml", edit)
        return n

    def replace_in_strings(self, old, new):
        """Replace `old` by `new` (plain text; escaped here) inside every shared string."""
        self.edit("xl/sharedStrings.xml", lambda x: x.replace(old, xstring(new)))

    def cell_text(self, sheet, ref):
        x = self.text(self.sheet_part(sheet))
        m = re.search(rf'<c r="{ref}"[^>]*?(?:/>|>.*?</c>)', x, re.S)
        v = re.search(r"<v>(\d+)</v>", m.group(0))
        si = self.strings()[int(v.group(1))]
        return unescape("".join(re.findall(r"<t[^>]*>([^<]*)</t>", si)))

    def set_text(self, sheet, ref, text):
        """Cell `ref` of `sheet` becomes the shared string `text`, keeping its style."""
        idx = self.add_string(text)
        part = self.sheet_part(sheet)

        def edit(x):
            m = re.search(rf'<c r="{ref}"([^>]*?)(?:/>|>.*?</c>)', x, re.S)
            assert m, (sheet, ref)
            style = re.search(r'\bs="\d+"', m.group(1))
            s = f" {style.group(0)}" if style else ""
            return x[: m.start()] + f'<c r="{ref}"{s} t="s"><v>{idx}</v></c>' + x[m.end() :]

        self.edit(part, edit)


def xstring(text):
    """XML text with the control characters XML 1.0 cannot hold as Excel writes them."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return "".join(
        f"_x{ord(c):04X}_" if (ord(c) < 0x20 and c not in "\t\n\r") else c for c in text
    )


def unescape(s):
    return (
        s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&apos;", "'")
        .replace("&amp;", "&")
    )


def insert_after(xml, tag_pattern, snippet):
    """`snippet` right after the first match of `tag_pattern` (a regex of a whole element)."""
    m = re.search(tag_pattern, xml, re.S)
    assert m, tag_pattern
    return xml[: m.end()] + snippet + xml[m.end() :]


def insert_before(xml, tag_pattern, snippet):
    m = re.search(tag_pattern, xml, re.S)
    assert m, tag_pattern
    return xml[: m.start()] + snippet + xml[m.start() :]


# Where optional worksheet children go (CT_Worksheet's sequence): after pageSetup comes
# headerFooter, rowBreaks, colBreaks, customProperties, cellWatches, ignoredErrors, smartTags,
# drawing, legacyDrawing, ... so a drawing or legacyDrawing goes right before </worksheet>
# in these samples (which end with pageSetup).
def before_end(snippet):
    return lambda x: x.replace("</worksheet>", snippet + "</worksheet>")


# ---------------------------------------------------------------------------------------------
# The cases. Each returns the bytes of one workbook.


def docprops_app_truncated():
    """docProps/app.xml cut off in the middle of a tag (a sync tool's half-written file)."""
    p = Package(FAULTY)
    app = p.get("docProps/app.xml")
    p.put("docProps/app.xml", app[: app.index(b"<TitlesOfParts>") + 40])
    return p.zip()


def docprops_core_malformed():
    """docProps/core.xml with an undeclared prefix, a date that is no date and a stray
    entity: not namespace-well-formed, and its values unparseable."""
    p = Package(FAULTY)
    p.edit(
        "docProps/core.xml",
        lambda x: x.replace("2026-11-20T09:30:00Z</dcterms:created>", "二〇二六年十一月</dcterms:created>")
        .replace("<dc:creator>", "<wps:version>11.8.2</wps:version><dc:creator>")
        .replace("</cp:coreProperties>", "<dc:title>台账&amp;#0;</dc:title><cp:revision>-1e9999</cp:revision></cp:coreProperties>"),
    )
    return p.zip()


def theme_malformed():
    """The theme: a well-formed start, then a colour scheme with no colours, an unknown
    element and the part cut short."""
    p = Package(FAULTY)
    theme = p.text("xl/theme/theme1.xml")
    head = theme[: theme.index("<a:clrScheme")]
    p.put("xl/theme/theme1.xml", head + '<a:clrScheme name="坏"><a:dk1><a:sysClr val="windowText" lastClr=')
    return p.zip()


def content_types_odd():
    """[Content_Types].xml with odd entries: a Default with an empty extension, an upper-case
    duplicate of xml, an Override whose PartName has no leading slash, one for a part that is
    not in the zip, and a second Override for a part already listed, with another type."""
    p = Package(FAULTY)
    summary = p.sheet_part(SUMMARY)
    p.edit(
        "[Content_Types].xml",
        lambda x: x.replace(
            '<Default Extension="xml"',
            '<Default Extension="" ContentType=""/><Default Extension="XML" '
            'ContentType="application/xml"/><Default Extension="xml"',
        ).replace(
            "</Types>",
            f'<Override PartName="{summary}" ContentType="{CT_WORKSHEET}"/>'
            '<Override PartName="/xl/missing.xml" ContentType="application/xml"/>'
            f'<Override PartName="/{summary}" ContentType="text/plain"/>'
            '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.spreadsheetml.calcChain+xml"/></Types>',
        ),
    )
    return p.zip()


def sheet_names_case():
    """Two sheet names that differ only by case (Excel refuses that; other writers do not):
    the two maintenance forms are 维护 Form and 维护 FORM, in workbook.xml and app.xml."""
    p = Package(FAULTY)
    for old, new in (("附件10 维护申请表", "维护 Form"), ("附件11 维护确认单", "维护 FORM")):
        p.edit("xl/workbook.xml", lambda x: x.replace(f'name="{old}"', f'name="{new}"'))
        p.edit("docProps/app.xml", lambda x: x.replace(f">{old}<", f">{new}<"))
    return p.zip()


def pane_garbage():
    """A garbage pane and selection in the sheetView of the sheet the findings are on."""
    p = Package(FAULTY)
    p.edit(
        p.sheet_part(SUMMARY),
        lambda x: x.replace(
            '<sheetView workbookViewId="0"/>',
            '<sheetView workbookViewId="0"><pane xSplit="-3" ySplit="1e999" topLeftCell="A0" '
            'activePane="nowhere" state="melted"/><selection pane="nowhere" activeCell="ZZZZ0" '
            'sqref="A0 :: B"/></sheetView>',
        ),
    )
    return p.zip()


def hyperlink_without_ref():
    """Hyperlinks without a `ref` on the findings' sheet (one external, one internal)."""
    p = Package(FAULTY)
    part = p.sheet_part(SUMMARY)
    p.edit(
        part,
        lambda x: insert_after(
            x,
            r"</mergeCells>",
            '<hyperlinks><hyperlink r:id="rIdHl1" display="厂商官网"/>'
            f"<hyperlink location=\"'{DETAIL}'!A1\" display=\"明细\"/></hyperlinks>",
        ),
    )
    p.add_rel(part, "rIdHl1", f"{REL}/hyperlink", "https://www.example.com/", external=True)
    return p.zip()


EXCEL_VML_HEAD = (
    '<xml xmlns:v="urn:schemas-microsoft-com:vml"\n xmlns:o="urn:schemas-microsoft-com:office:office"\n'
    ' xmlns:x="urn:schemas-microsoft-com:office:excel">\n'
    ' <o:shapelayout v:ext="edit">\n  <o:idmap v:ext="edit" data="1"/>\n </o:shapelayout>'
    '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202"\n'
    '  path="m,l,21600r21600,l21600,xe">\n  <v:stroke joinstyle="miter"/>\n'
    '  <v:path gradientshapeok="t" o:connecttype="rect"/>\n </v:shapetype>'
)


def excel_vml_shape(n, row, col):
    """One note's shape as Excel 2007-2016 writes it (0-based row and column)."""
    return (
        f'<v:shape id="_x0000_s{1024 + n}" type="#_x0000_t202" style=\'position:absolute;\n'
        f"  margin-left:107.25pt;margin-top:1.5pt;width:108pt;height:59.25pt;z-index:{n};\n"
        "  visibility:hidden' fillcolor=\"#ffffe1\" o:insetmode=\"auto\">\n"
        '  <v:fill color2="#ffffe1"/>\n  <v:shadow on="t" color="black" obscured="t"/>\n'
        '  <v:path o:connecttype="none"/>\n  <v:textbox style=\'mso-direction-alt:auto\'>\n'
        "   <div style='text-align:left'></div>\n  </v:textbox>\n"
        '  <x:ClientData ObjectType="Note">\n   <x:MoveWithCells/>\n   <x:SizeWithCells/>\n'
        f"   <x:Anchor>\n    {col + 1}, 15, {row}, 2, {col + 3}, 31, {row + 4}, 1</x:Anchor>\n"
        f"   <x:AutoFill>False</x:AutoFill>\n   <x:Row>{row}</x:Row>\n   <x:Column>{col}</x:Column>\n"
        "  </x:ClientData>\n </v:shape>"
    )


def comments_part(comments, author="周建华"):
    body = "".join(
        f'<comment ref="{ref}" authorId="0"><text><r><rPr><b/><sz val="9"/><rFont val="宋体"/>'
        f'<family val="3"/><charset val="134"/></rPr><t>{author}:</t></r><r><rPr><sz val="9"/>'
        f'<rFont val="宋体"/><family val="3"/><charset val="134"/></rPr>'
        f'<t xml:space="preserve">\n{text}</t></r></text></comment>'
        for ref, text in comments
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<comments xmlns="{MAIN_NS}"><authors><author>{author}</author></authors>'
        f"<commentList>{body}</commentList></comments>"
    )


def graft_comments(p, sheet, comments_xml, vml, rel_prefix=""):
    """Comments and their VML drawing on `sheet`, as Excel links them."""
    part = p.sheet_part(sheet)
    n = 1 + sum(1 for x in p.names() if x.startswith("xl/comments"))
    p.put(f"xl/comments{n}.xml", comments_xml)
    p.put(f"xl/drawings/vmlDrawing{n}.vml", vml)
    p.default_type("vml", CT_VML)
    p.content_type(f"xl/comments{n}.xml", CT_COMMENTS)
    p.add_rel(part, "rIdVml1", f"{REL}/vmlDrawing", f"{rel_prefix}../drawings/vmlDrawing{n}.vml")
    p.add_rel(part, "rIdCm1", f"{REL}/comments", f"{rel_prefix}../comments{n}.xml")
    p.edit(part, before_end('<legacyDrawing r:id="rIdVml1"/>'))


def comment_bad_ref():
    """Notes on the findings' sheet whose `ref` is no cell: A0, empty, past the grid, a range,
    a sheet name; one good one (C7)."""
    p = Package(FAULTY)
    refs = ["A0", "", "XFE1048577", "M7:M9", "汇总", "C7"]
    cm = comments_part([(r, f"批注 {i}") for i, r in enumerate(refs)])
    vml = EXCEL_VML_HEAD + "".join(excel_vml_shape(i + 1, 6, 2) for i in range(len(refs))) + "</xml>"
    graft_comments(p, SUMMARY, cm, vml)
    return p.zip()


def comments_excel_vml():
    """Notes a clerk left in Excel on the findings' sheet, one on a cell that gets a finding
    (M7), one beside it (C7), one far off (M17): Excel's comments part and VML (v:/o:/x:)."""
    p = Package(FAULTY)
    notes = [("C7", "与财政办核对过"), ("M7", "其中2台待卸载"), ("M17", "含1台服务器")]
    cm = comments_part(notes)
    vml = EXCEL_VML_HEAD
    for i, (ref, _) in enumerate(notes):
        col = ord(ref[0]) - ord("A")
        vml += excel_vml_shape(i + 1, int(ref[1:]) - 1, col)
    graft_comments(p, SUMMARY, cm, vml + "</xml>")
    return p.zip()


def openpyxl_book(build):
    """The parts of a workbook openpyxl writes after `build(wb)`."""
    from openpyxl import Workbook

    wb = Workbook()
    build(wb)
    buf = io.BytesIO()
    wb.save(buf)
    return Package(buf.getvalue())


def comments_openpyxl():
    """Notes as openpyxl writes them (VML with ns0:/ns1:/ns2: prefixes, absolute targets) on
    the findings' sheet, on M7 (which gets a finding) and C7."""
    from openpyxl.comments import Comment

    def build(wb):
        ws = wb.active
        ws.title = SUMMARY
        ws["C7"].comment = Comment("与财政办核对过", "周建华")
        ws["M7"].comment = Comment("其中2台待卸载", "周建华")

    src = openpyxl_book(build)
    p = Package(FAULTY)
    part = p.sheet_part(SUMMARY)
    n = 1
    p.put(f"xl/comments/comment{n}.xml", src.get("xl/comments/comment1.xml"))
    p.put(f"xl/drawings/commentsDrawing{n}.vml", src.get("xl/drawings/commentsDrawing1.vml"))
    p.default_type("vml", CT_VML)
    p.content_type(f"xl/comments/comment{n}.xml", CT_COMMENTS)
    # openpyxl's own relationship ids and absolute targets.
    p.add_rel(part, "anysvml", f"{REL}/vmlDrawing", f"/xl/drawings/commentsDrawing{n}.vml")
    p.add_rel(part, "comments", f"{REL}/comments", f"/xl/comments/comment{n}.xml")
    p.edit(part, before_end('<legacyDrawing r:id="anysvml"/>'))
    return p.zip()


def drawing_broken():
    """A drawing part on the findings' sheet that stops in the middle of an anchor."""
    p = Package(FAULTY)
    part = p.sheet_part(SUMMARY)
    p.put(
        "xl/drawings/drawing1.xml",
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://'
        'schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.'
        'openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor><xdr:from><xdr:col>3</xdr:'
        "col><xdr:colOff>0</xdr:colOff><xdr:row>",
    )
    p.content_type("xl/drawings/drawing1.xml", CT_DRAWING)
    p.add_rel(part, "rIdDr1", f"{REL}/drawing", "../drawings/drawing1.xml")
    p.edit(part, before_end('<drawing r:id="rIdDr1"/>'))
    return p.zip()


def rels_self():
    """The findings' sheet's .rels has a relationship to the sheet itself: whoever follows
    relationships to read each target's .rels goes round for ever."""
    p = Package(FAULTY)
    part = p.sheet_part(SUMMARY)
    name = part.rsplit("/", 1)[1]
    p.add_rel(part, "rIdSelf", f"{REL}/worksheet", name)
    return p.zip()


def rels_cycle_via_drawing():
    """sheet → drawing → (the drawing's .rels) → the sheet again: a cycle of two parts."""
    p = Package(FAULTY)
    part = p.sheet_part(SUMMARY)
    name = part.rsplit("/", 1)[1]
    p.put(
        "xl/drawings/drawing1.xml",
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://'
        'schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.'
        'openxmlformats.org/drawingml/2006/main"/>',
    )
    p.content_type("xl/drawings/drawing1.xml", CT_DRAWING)
    p.add_rel(part, "rIdDr1", f"{REL}/drawing", "../drawings/drawing1.xml")
    p.add_rel("xl/drawings/drawing1.xml", "rId1", f"{REL}/worksheet", f"../worksheets/{name}")
    p.edit(part, before_end('<drawing r:id="rIdDr1"/>'))
    return p.zip()


def sheet_rel_to_workbook():
    """A relationship of the findings' sheet that points at xl/workbook.xml (whose .rels
    names every sheet, this one included)."""
    p = Package(FAULTY)
    part = p.sheet_part(SUMMARY)
    p.add_rel(part, "rIdBook", f"{REL}/officeDocument", "../workbook.xml")
    return p.zip()


def col_max_huge():
    """<col min="20" max="99999999"> on the findings' sheet (Excel's last column is 16384)."""
    p = Package(FAULTY)
    p.edit(
        p.sheet_part(SUMMARY),
        lambda x: x.replace(
            "</cols>", '<col min="20" max="99999999" width="9.140625" style="5" customWidth="1"/></cols>'
        ),
    )
    return p.zip()


def control_char_cell():
    """U+0001 and U+001B (an ANSI colour sequence) in the name of the software a finding is
    about (附件7 C7, the Office row whose 安装数量 M7 is over its licences)."""
    p = Package(FAULTY)
    name = p.cell_text(SUMMARY, "C7")
    p.set_text(SUMMARY, "C7", name.replace(" ", "\x01 ", 1) + "\x1b[31m")
    return p.zip()


def control_char_unit_name():
    """U+0001 and U+001B (a clear-screen sequence) in the 单位名称 of every form."""
    p = Package(FAULTY)
    p.replace_in_strings("丰都县双龙镇人民政府", "丰都县双龙镇\x01人民政府\x1b[2J")
    return p.zip()


def control_char_software_id():
    """U+0001 and U+001B in a 软件编号 (RJ002, WPS: its row has a finding, L8), wherever the
    ID stands as a cell (汇总表, 明细表, its 附件9 sheet); sheet names keep RJ002."""
    p = Package(FAULTY)
    p.edit("xl/sharedStrings.xml", lambda x: x.replace("<t>RJ002</t>", "<t>RJ_x0001_00_x001B_2</t>"))
    return p.zip()


def long_cell_quoted():
    """A 32,767-character cell (Excel's limit) that a diagnostic quotes: the mistyped
    软件编号 of 附件8 明细表 F17 (ZB403), RJ03 followed by 32,763 more characters."""
    p = Package(MISTYPED)
    text = "RJ03" + ("软件编号" * 8190) + "XYZ"
    assert len(text) == 32767, len(text)
    p.set_text(DETAIL, "F17", text)
    return p.zip()


def sst_unique_count_huge():
    """sharedStrings declaring count and uniqueCount 100,000,000 for its ~300 strings."""
    p = Package(FAULTY)
    p.edit(
        "xl/sharedStrings.xml",
        lambda x: re.sub(
            r'count="\d+" uniqueCount="\d+"', 'count="100000000" uniqueCount="100000000"', x
        ),
    )
    return p.zip()


def tab_colors():
    """Tab colours on several sheets, the findings' sheet among them (rgb, theme, indexed)."""
    p = Package(FAULTY)
    colours = {
        SUMMARY: '<tabColor rgb="FFFF0000"/>',
        DETAIL: '<tabColor theme="4" tint="0.39997558519241921"/>',
        "附件1 领导小组": '<tabColor indexed="10"/>',
    }
    for sheet, colour in colours.items():

        def edit(x, colour=colour):
            if "<sheetPr>" in x or "<sheetPr " in x:
                return re.sub(r"<sheetPr([^>]*)/>", rf"<sheetPr\1>{colour}</sheetPr>", x, 1) if re.search(
                    r"<sheetPr[^>]*/>", x
                ) else re.sub(r"(<sheetPr[^>]*>)", rf"\1{colour}", x, 1)
            return insert_before(x, r"<dimension ", f"<sheetPr>{colour}</sheetPr>")

        p.edit(p.sheet_part(sheet), edit)
    return p.zip()


def frozen_autofilter():
    """The findings' sheet with its header frozen (rows 1-6) and an autofilter over the
    table, with the hidden _xlnm._FilterDatabase name Excel adds."""
    p = Package(FAULTY)
    part = p.sheet_part(SUMMARY)
    index = [n for n, _, _ in p.sheets()].index(SUMMARY)
    p.edit(
        part,
        lambda x: insert_before(
            x.replace(
                '<sheetView workbookViewId="0"/>',
                '<sheetView tabSelected="1" workbookViewId="0"><pane ySplit="6" topLeftCell="A7" '
                'activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" '
                'activeCell="A7" sqref="A7"/></sheetView>',
            ),
            r"<mergeCells",
            '<autoFilter ref="A6:M17"/>',
        ),
    )
    p.edit(
        "xl/workbook.xml",
        lambda x: x.replace(
            "<definedNames>",
            f'<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="{index}" '
            f"hidden=\"1\">'{SUMMARY}'!$A$6:$M$17</definedName>",
        ),
    )
    return p.zip()


def report_sheet_taken():
    """A sheet already named 诊断报告 (the name of the sheet --annotate adds), as a clerk's
    earlier annotated copy resubmitted would have it, with a note in A1."""
    p = Package(FAULTY)
    n = len(p.sheets()) + 1
    part = f"xl/worksheets/sheet{n}.xml"
    s = p.add_string("上次的诊断报告：已整改")
    p.put(
        part,
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<worksheet xmlns="{MAIN_NS}" xmlns:r="{REL}"><dimension ref="A1"/><sheetViews>'
        '<sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>'
        f'<sheetData><row r="1"><c r="A1" t="s"><v>{s}</v></c></row></sheetData>'
        '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
        "</worksheet>",
    )
    p.content_type(part, CT_WORKSHEET)
    p.edit(
        "xl/_rels/workbook.xml.rels",
        lambda x: x.replace(
            "</Relationships>",
            f'<Relationship Id="rIdReport" Type="{REL}/worksheet" Target="worksheets/sheet{n}.xml"/>'
            "</Relationships>",
        ),
    )
    p.edit(
        "xl/workbook.xml",
        lambda x: x.replace(
            "</sheets>", f'<sheet name="诊断报告" sheetId="{n}" r:id="rIdReport"/></sheets>'
        ),
    )
    return p.zip()


def defined_names():
    """Defined names of every kind beside the samples' print titles: a print area, a global
    name over the summary, a sheet-local name, a name whose sheet does not exist (#REF!), a
    hidden one, one with a function, one naming the 诊断报告 sheet that is not there yet."""
    p = Package(FAULTY)
    names = [n for n, _, _ in p.sheets()]
    s = names.index(SUMMARY)
    d = names.index(DETAIL)
    p.edit(
        "xl/workbook.xml",
        lambda x: x.replace(
            "</definedNames>",
            f"<definedName name=\"_xlnm.Print_Area\" localSheetId=\"{s}\">'{SUMMARY}'!$A$1:$M$19</definedName>"
            f"<definedName name=\"许可汇总\">'{SUMMARY}'!$B$7:$M$17</definedName>"
            f"<definedName name=\"本表合计\" localSheetId=\"{d}\">SUM('{DETAIL}'!$A:$A)</definedName>"
            "<definedName name=\"旧表\">#REF!$A$1:$B$2</definedName>"
            f"<definedName name=\"隐藏名\" hidden=\"1\">'{SUMMARY}'!$M$7</definedName>"
            "<definedName name=\"报告引用\">'诊断报告'!$A$1</definedName>"
            "</definedNames>",
        ),
    )
    return p.zip()


def chart_sheet():
    """A chart sheet (openpyxl's chartsheet, drawing and bar chart of 安装数量) after the last
    worksheet; its chart reads the findings' column."""
    from openpyxl.chart import BarChart, Reference

    def build(wb):
        ws = wb.active
        ws.title = SUMMARY
        for r in range(7, 18):
            ws.cell(r, 13, r)
        cs = wb.create_chartsheet("安装数量图")
        chart = BarChart()
        chart.title = "安装数量"
        chart.add_data(Reference(ws, min_col=13, min_row=7, max_row=17))
        cs.add_chart(chart)

    src = openpyxl_book(build)
    p = Package(FAULTY)
    for name in ("xl/chartsheets/sheet1.xml", "xl/chartsheets/_rels/sheet1.xml.rels",
                 "xl/drawings/drawing1.xml", "xl/drawings/_rels/drawing1.xml.rels",
                 "xl/charts/chart1.xml"):
        p.put(name, src.get(name))
    p.content_type("xl/chartsheets/sheet1.xml",
                   "application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml")
    p.content_type("xl/drawings/drawing1.xml", CT_DRAWING)
    p.content_type("xl/charts/chart1.xml",
                   "application/vnd.openxmlformats-officedocument.drawingml.chart+xml")
    n = len(p.sheets()) + 1
    p.edit(
        "xl/_rels/workbook.xml.rels",
        lambda x: x.replace(
            "</Relationships>",
            f'<Relationship Id="rIdChart" Type="{REL}/chartsheet" Target="chartsheets/sheet1.xml"/>'
            "</Relationships>",
        ),
    )
    p.edit(
        "xl/workbook.xml",
        lambda x: x.replace(
            "</sheets>", f'<sheet name="安装数量图" sheetId="{n}" r:id="rIdChart"/></sheets>'
        ),
    )
    return p.zip()


def png(width, height, rgb):
    """A small one-colour PNG (no imaging library needed)."""
    raw = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))

    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def image_drawing(p, sheet, media, rid="rIdImg1"):
    """A picture (the unit's seal) anchored on `sheet`, as Excel links it."""
    part = p.sheet_part(sheet)
    k = 1 + sum(1 for x in p.names() if re.match(r"xl/drawings/drawing\d+\.xml$", x))
    p.put(f"xl/media/image{k}.png", media)
    p.put(
        f"xl/drawings/drawing{k}.xml",
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://'
        'schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.'
        'openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor editAs="oneCell"><xdr:from>'
        "<xdr:col>5</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff>"
        "</xdr:from><xdr:to><xdr:col>7</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>6</xdr:row>"
        '<xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:pic><xdr:nvPicPr><xdr:cNvPr id="2" name="公章"/>'
        '<xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr><xdr:blipFill>'
        f'<a:blip xmlns:r="{REL}" r:embed="rId1"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill>'
        '<xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="1219200" cy="1219200"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic><xdr:clientData/>'
        "</xdr:twoCellAnchor></xdr:wsDr>",
    )
    p.add_rel(f"xl/drawings/drawing{k}.xml", "rId1", f"{REL}/image", f"../media/image{k}.png")
    p.default_type("png", "image/png")
    p.content_type(f"xl/drawings/drawing{k}.xml", CT_DRAWING)
    p.add_rel(part, rid, f"{REL}/drawing", f"../drawings/drawing{k}.xml")
    p.edit(part, before_end(f'<drawing r:id="{rid}"/>'))


def media_image():
    """A picture (a red square standing for the unit's seal) on 附件2 承诺书, a sheet no
    finding is on: the image and its sheet have no reason to change."""
    p = Package(FAULTY)
    image_drawing(p, "附件2 承诺书", png(64, 64, (200, 16, 16)))
    return p.zip()


def vba_project_bin():
    """XlsxWriter's sample vbaProject.bin, shipped in the rust_xlsxwriter crate's examples
    (a dependency of this project, so in the cargo registry once it has been built)."""
    home = os.environ.get("CARGO_HOME", os.path.expanduser("~/.cargo"))
    found = sorted(glob.glob(os.path.join(home, "registry/src/*/rust_xlsxwriter-*/examples/vbaProject.bin")))
    if found:
        with open(found[-1], "rb") as f:
            return f.read()
    # Rerun without the crate: take it from the committed workbook.
    old = os.path.join(OUT, "macro-vbaproject.xlsm")
    return Package(old).get("xl/vbaProject.bin")


def macro_xlsm():
    """The faulty sample as a macro-enabled workbook (.xlsm) with a VBA project: the
    vbaProject.bin must come back byte for byte."""
    p = Package(FAULTY)
    p.put("xl/vbaProject.bin", vba_project_bin())
    p.edit(
        "[Content_Types].xml",
        lambda x: x.replace(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
            "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
        ).replace(
            '<Default Extension="xml"',
            '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>'
            '<Default Extension="xml"',
        ),
    )
    p.edit(
        "xl/_rels/workbook.xml.rels",
        lambda x: x.replace(
            "</Relationships>",
            '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/'
            'relationships/vbaProject" Target="vbaProject.bin"/></Relationships>',
        ),
    )
    p.edit("xl/workbook.xml", lambda x: x.replace("<workbookPr ", '<workbookPr codeName="ThisWorkbook" '))
    return p.zip()


CASES = {
    "docprops-app-truncated.xlsx": docprops_app_truncated,
    "docprops-core-malformed.xlsx": docprops_core_malformed,
    "theme-malformed.xlsx": theme_malformed,
    "content-types-odd.xlsx": content_types_odd,
    "sheet-names-differ-by-case.xlsx": sheet_names_case,
    "pane-garbage.xlsx": pane_garbage,
    "hyperlink-without-ref.xlsx": hyperlink_without_ref,
    "comment-bad-ref.xlsx": comment_bad_ref,
    "drawing-broken.xlsx": drawing_broken,
    "rels-self.xlsx": rels_self,
    "rels-cycle-via-drawing.xlsx": rels_cycle_via_drawing,
    "sheet-rel-to-workbook.xlsx": sheet_rel_to_workbook,
    "col-max-99999999.xlsx": col_max_huge,
    "control-char-cell.xlsx": control_char_cell,
    "control-char-unit-name.xlsx": control_char_unit_name,
    "control-char-software-id.xlsx": control_char_software_id,
    "cell-32767-quoted.xlsx": long_cell_quoted,
    "sst-uniqueCount-100000000.xlsx": sst_unique_count_huge,
    "comments-openpyxl.xlsx": comments_openpyxl,
    "comments-excel-vml.xlsx": comments_excel_vml,
    "tab-colors.xlsx": tab_colors,
    "frozen-panes-autofilter.xlsx": frozen_autofilter,
    "sheet-named-诊断报告.xlsx": report_sheet_taken,
    "defined-names.xlsx": defined_names,
    "chart-sheet.xlsx": chart_sheet,
    "media-image.xlsx": media_image,
    "macro-vbaproject.xlsm": macro_xlsm,
}


def main():
    os.makedirs(OUT, exist_ok=True)
    only = set(sys.argv[1:])
    for name, make in CASES.items():
        if only and name not in only:
            continue
        data = make()
        with open(os.path.join(OUT, name), "wb") as f:
            f.write(data)
        print(f"{len(data):>8}  {name}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Fills a form written by `tonghop template` with one unit's figures and notes from a CSV
that `tonghop build` wrote, as the unit would type them: for the README's picture of a filled
form (docs/bieu-mau.png). Standard library only.

    python3 docs/fill_form.py FORM.xlsx ARCHIVE.csv UNIT_CODE OUT.xlsx
"""
import csv
import re
import sys
import zipfile
from xml.sax.saxutils import escape

form, archive, unit, out = sys.argv[1:5]
with open(archive, encoding="utf-8-sig") as f:
    rows = {r["ma_chi_tieu"]: r for r in csv.DictReader(f) if r["ma_don_vi"] == unit}

with zipfile.ZipFile(form) as z:
    parts = {name: z.read(name) for name in z.namelist()}
shared = re.findall(r"<si><t[^>]*>(.*?)</t></si>", parts["xl/sharedStrings.xml"].decode())
sheet = parts["xl/worksheets/sheet1.xml"].decode()


def fill(row_xml):
    code = re.search(r'<c r="B\d+" s="\d+" t="s"><v>(\d+)</v></c>', row_xml)
    if not code or shared[int(code.group(1))] not in rows:
        return row_xml
    r = rows[shared[int(code.group(1))]]
    if r["gia_tri"]:
        row_xml = re.sub(r'<c r="(E\d+)" s="(\d+)"/>', rf'<c r="\1" s="\2"><v>{r["gia_tri"]}</v></c>', row_xml)
    if r["ghi_chu"]:
        note = escape(r["ghi_chu"])
        row_xml = re.sub(
            r'<c r="(F\d+)" s="(\d+)"/>', rf'<c r="\1" s="\2" t="inlineStr"><is><t>{note}</t></is></c>', row_xml
        )
    return row_xml


parts["xl/worksheets/sheet1.xml"] = re.sub(r"<row .*?</row>", lambda m: fill(m.group(0)), sheet).encode()
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    for name, data in parts.items():
        z.writestr(name, data)

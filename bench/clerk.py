#!/usr/bin/env python3
"""The clerk's job done with pandas, as a clerk who knows Python would script it: the yardstick
of issue #11 for `tonghop build`.

    clerk.py INBOX -o OUTDIR

For each spreadsheet in INBOX: read the first sheet (openpyxl for .xlsx, xlrd for .xls, odfpy
for .ods), find the header row (a cell "Mã" and a cell starting "Số liệu"), keep the rows under
it whose code is an indicator code and whose value is a number, then sum the values by indicator
and count the units with a value above 0. Writes OUTDIR/tong-hop-clerk.xlsx (openpyxl) and
OUTDIR/tong-hop-clerk.csv. It checks nothing a clerk's script would not: no units, no periods,
no rules; that is what makes it a floor for pandas, not an equal of tonghop.
"""

import argparse
import pathlib
import re
import sys

import warnings

import pandas as pd

# pandas 3 deprecates its xlrd engine (it suggests calamine); xlrd is still what a clerk's
# script uses for .xls, and the warning printed for every .xls file would only be noise.
warnings.filterwarnings("ignore", message="The xlrd engine is deprecated")

ENGINES = {".xlsx": "openpyxl", ".xls": "xlrd", ".ods": "odf"}
CODE = re.compile(r"^[A-Z]{2}\d{2}$")


def header_row(frame):
    """Index of the header row and the positions of the code and value columns, or None."""
    for r in range(min(len(frame), 30)):
        cells = [str(c).strip() for c in frame.iloc[r].tolist()]
        code = next((i for i, c in enumerate(cells) if c == "Mã"), None)
        value = next((i for i, c in enumerate(cells) if c.startswith("Số liệu")), None)
        if code is not None and value is not None:
            return r, code, value
    return None


def read_one(path):
    """(code, value) rows of one file, as a DataFrame; None when no table is found."""
    frame = pd.read_excel(path, sheet_name=0, header=None, engine=ENGINES[path.suffix.lower()])
    found = header_row(frame)
    if found is None:
        return None
    r, code_col, value_col = found
    table = frame.iloc[r + 1 :, [code_col, value_col]]
    table.columns = ["code", "value"]
    table = table[table["code"].astype(str).str.strip().str.match(CODE)]
    table = table.assign(
        code=table["code"].astype(str).str.strip(),
        value=pd.to_numeric(table["value"], errors="coerce"),
        file=path.name,
    )
    return table.dropna(subset=["value"])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inbox", type=pathlib.Path)
    parser.add_argument("-o", "--out", type=pathlib.Path, required=True)
    args = parser.parse_args()

    files = sorted(p for p in args.inbox.iterdir() if p.is_file() and p.suffix.lower() in ENGINES)
    tables, skipped = [], []
    for path in files:
        table = read_one(path)
        if table is None:
            skipped.append(path.name)
        else:
            tables.append(table)
    rows = pd.concat(tables, ignore_index=True)
    totals = rows.groupby("code", sort=False).agg(
        tong=("value", "sum"), so_don_vi=("value", lambda v: int((v > 0).sum()))
    )
    totals.index.name = "ma_chi_tieu"

    args.out.mkdir(parents=True, exist_ok=True)
    totals.to_csv(args.out / "tong-hop-clerk.csv", encoding="utf-8-sig")
    totals.to_excel(args.out / "tong-hop-clerk.xlsx", sheet_name="Tổng hợp", engine="openpyxl")
    print(f"{len(files)} files, {len(skipped)} without a table, {len(totals)} indicators")
    for name in skipped:
        print(f"no table: {name}", file=sys.stderr)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Compares what the Linux and the Windows build wrote, for scripts/wine-checks.

    compare.py LINUX WINDOWS [--ignore NAME]...

LINUX and WINDOWS are two files or two folders. Folders must hold the same files and folders
(by relative name). Two .xlsx or .docx files must hold the same parts, in the same order, with
the same bytes: the zip containers themselves differ in one byte per entry, the system that
made them (Unix or DOS), which the zip writers set from the platform. Every other file must be
the same byte for byte. Names given with --ignore are left out of folders. Prints each
difference; exit status 1 if there is one.
"""
import os
import sys
import zipfile


def tree(root):
    found = set()
    for folder, dirs, files in os.walk(root):
        for name in dirs:
            found.add(os.path.relpath(os.path.join(folder, name), root) + "/")
        for name in files:
            found.add(os.path.relpath(os.path.join(folder, name), root))
    return found


def parts(path):
    with zipfile.ZipFile(path) as z:
        return [(i.filename, z.read(i)) for i in z.infolist()]


def same_file(a, b, name):
    if name.lower().endswith((".xlsx", ".docx")):
        pa, pb = parts(a), parts(b)
        if [n for n, _ in pa] != [n for n, _ in pb]:
            return f"{name}: the parts differ: {[n for n, _ in pa]} / {[n for n, _ in pb]}"
        differing = [n for (n, x), (_, y) in zip(pa, pb) if x != y]
        return f"{name}: parts differ: {', '.join(differing)}" if differing else None
    with open(a, "rb") as fa, open(b, "rb") as fb:
        x, y = fa.read(), fb.read()
    if x == y:
        return None
    at = next((i for i, (p, q) in enumerate(zip(x, y)) if p != q), min(len(x), len(y)))
    return f"{name}: differs from byte {at} ({len(x)} and {len(y)} bytes)"


def main():
    linux, windows = sys.argv[1:3]
    rest = sys.argv[3:]
    ignored = {rest[i + 1] for i in range(len(rest) - 1) if rest[i] == "--ignore"}
    problems = []
    if os.path.isdir(linux):
        a, b = tree(linux) - ignored, tree(windows) - ignored
        for name in sorted(a - b):
            problems.append(f"{name}: only from Linux")
        for name in sorted(b - a):
            problems.append(f"{name}: only from Windows")
        for name in sorted(a & b):
            if not name.endswith("/"):
                problems.append(same_file(os.path.join(linux, name), os.path.join(windows, name), name))
    else:
        problems.append(same_file(linux, windows, os.path.basename(linux)))
    problems = [p for p in problems if p]
    for p in problems:
        print(f"        {p}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

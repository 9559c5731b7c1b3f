"""The benchmark of issue #11 (started by bench/run, inside bench/.venv): builds tonghop and the
bench binaries (release), generates the missing inboxes, then for each size times on the same
files `tonghop build`, the calamine floor on one thread and on all cores, and the pandas
script; prints a Markdown table and writes it to bench/results/<date>-<commit>.md.

Each figure is the median wall time of several runs, after one untimed read of the inbox by the
floor (so every tool finds the files in the page cache); peak memory is the largest ru_maxrss
of the runs, from os.wait4 on each child (the process's own peak resident set, in KiB).
"""

import argparse
import collections
import csv
import datetime
import json
import os
import pathlib
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

BENCH = pathlib.Path(__file__).resolve().parent
ROOT = BENCH.parent
PERIOD = "2024-08"
# Issue #11's targets.
TARGET_FLOOR_RATIO, TARGET_RSS_MB, TARGET_PANDAS_RATIO, TARGET_SMALL_S = 1.5, 250, 80, 0.060


def parse_args():
    p = argparse.ArgumentParser(prog="bench/run", description="The benchmark of issue #11 (BENCHMARKS.md).")
    p.add_argument("--sizes", default="13,1000,10000", help="numbers of units, comma-separated (default 13,1000,10000)")
    p.add_argument("--runs", type=int, default=5, help="timed runs of each tool per size (default 5)")
    p.add_argument("--clerk-runs", type=int, help="runs of the pandas script below --large (default: --runs)")
    p.add_argument("--clerk-runs-large", type=int, default=1, help="runs of the pandas script from --large units on (default 1)")
    p.add_argument("--large", type=int, default=10000, help="the size from which --clerk-runs-large applies (default 10000)")
    p.add_argument("--tonghop", type=pathlib.Path, help="time this tonghop binary instead of building the worktree's")
    p.add_argument("--regenerate", action="store_true", help="write the data again even where it is complete")
    p.add_argument("--no-clerk", action="store_true", help="leave the pandas script out")
    p.add_argument("--no-save", action="store_true", help="print the table only, write no file in bench/results")
    a = p.parse_args()
    a.sizes = [int(s.replace("_", "")) for s in a.sizes.split(",") if s.strip()]
    a.clerk_runs = a.clerk_runs or a.runs
    return a


def sh(cmd, **kw):
    return subprocess.run(cmd, check=True, text=True, capture_output=True, **kw).stdout.strip()


def build(args):
    """The binaries: tonghop (unless given) and the bench's, release profile like a user's."""
    target = pathlib.Path(json.loads(sh(["cargo", "metadata", "--format-version", "1", "--no-deps"], cwd=ROOT))["target_directory"])
    cmds = [["cargo", "build", "--release", "-p", "tonghop-bench"]]
    if not args.tonghop:
        cmds.insert(0, ["cargo", "build", "--release", "-p", "tonghop"])
    for cmd in cmds:
        print("$", " ".join(cmd), file=sys.stderr)
        subprocess.run(cmd, check=True, cwd=ROOT)
    tonghop = args.tonghop.resolve() if args.tonghop else target / "release" / "tonghop"
    return tonghop, target / "release" / "gen", target / "release" / "floor"


def measure(cmd, log):
    """Wall seconds, peak RSS in KiB and exit code of one run of `cmd` (output to `log`)."""
    with open(log, "ab") as out:
        start = time.perf_counter()
        child = subprocess.Popen(cmd, stdout=out, stderr=out, cwd=ROOT)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_maxrss, child.returncode


Timing = collections.namedtuple("Timing", "median runs peak_kib codes")


def timed(cmd, runs, log, fresh_out=None):
    walls, peaks, codes = [], [], set()
    for _ in range(runs):
        if fresh_out:
            shutil.rmtree(fresh_out, ignore_errors=True)
        wall, peak, code = measure(cmd, log)
        walls.append(wall)
        peaks.append(peak)
        codes.add(code)
    return Timing(statistics.median(walls), runs, max(peaks), codes)


def tonghop_totals(csv_path):
    """tonghop's CSV, one row per unit and indicator, summed: code → (total, units above 0)."""
    totals = collections.defaultdict(lambda: [0.0, 0])
    with open(csv_path, encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            if row["gia_tri"]:
                v = float(row["gia_tri"])
                totals[row["ma_chi_tieu"]][0] += v
                totals[row["ma_chi_tieu"]][1] += v > 0
    return {k: tuple(v) for k, v in totals.items()}


def clerk_totals(csv_path):
    with open(csv_path, encoding="utf-8-sig", newline="") as f:
        return {r["ma_chi_tieu"]: (float(r["tong"]), int(r["so_don_vi"])) for r in csv.DictReader(f)}


def agree(a, b):
    """Where two sets of totals differ (empty: they agree to a millionth)."""
    return [
        f"{k}: tonghop {a.get(k)} vs pandas {b.get(k)}"
        for k in sorted(set(a) | set(b))
        if k not in a or k not in b or abs(a[k][0] - b[k][0]) > 1e-6 or a[k][1] != b[k][1]
    ]


def check_findings(tonghop, data):
    """Errors and warnings `tonghop check` reports on the inbox (it should report none)."""
    out = subprocess.run(
        [tonghop, "check", data / PERIOD, "--config", data / "config.toml", "--period", PERIOD, "--format", "json"],
        capture_output=True, text=True, cwd=ROOT,
    )
    findings = json.loads(out.stdout)["findings"]
    return collections.Counter(f"{f['severity']} {f['code']}" for f in findings)


def fmt_time(s):
    return f"{s * 1000:.1f} ms" if s < 1 else f"{s:.2f} s"


def cell(t):
    return f"{fmt_time(t.median)} (×{t.runs})"


def machine():
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())
    mem_kib = next(int(l.split()[1]) for l in open("/proc/meminfo") if l.startswith("MemTotal"))
    os_name = platform.platform()
    try:
        os_name = next(l.split("=", 1)[1].strip().strip('"') for l in open("/etc/os-release") if l.startswith("PRETTY_NAME")) + f", Linux {platform.release()}"
    except (OSError, StopIteration):
        pass
    import pandas

    return [
        f"- CPU: {cpu}, `nproc` = {sh(['nproc'])}",
        f"- RAM: {mem_kib / 1024 / 1024:.1f} GiB",
        f"- OS: {os_name}",
        f"- {sh(['rustc', '--version'])}; Python {platform.python_version()}, pandas {pandas.__version__}",
    ]


def main():
    args = parse_args()
    began = time.perf_counter()
    tonghop, gen, floor = build(args)
    subprocess.run([gen, "--sizes", ",".join(map(str, args.sizes)), *(["--force"] if args.regenerate else [])], check=True, cwd=ROOT)
    work = pathlib.Path(tempfile.mkdtemp(prefix="tonghop-bench-"))
    log = work / "runs.log"
    rows, notes = [], []
    for n in args.sizes:
        data = BENCH / "data" / str(n)
        inbox, config = data / PERIOD, data / "config.toml"
        files = sum(1 for p in inbox.iterdir() if p.is_file())
        print(f"N = {n}: {files} files", file=sys.stderr)
        # Untimed: brings the files into the page cache for every tool alike.
        measure([floor, inbox], log)
        out = work / f"tonghop-{n}"
        build_cmd = [tonghop, "build", inbox, "-o", out, "--config", config, "--period", PERIOD]
        t = timed(build_cmd, args.runs, log, fresh_out=out)
        f1 = timed([floor, inbox, "--threads", "1"], args.runs, log)
        fa = timed([floor, inbox], args.runs, log)
        c = None
        if not args.no_clerk:
            clerk_out = work / f"clerk-{n}"
            runs = args.clerk_runs_large if n >= args.large else args.clerk_runs
            c = timed([sys.executable, BENCH / "clerk.py", inbox, "-o", clerk_out], runs, log)
            diff = agree(tonghop_totals(out / f"tong-hop-{PERIOD}.csv"), clerk_totals(clerk_out / "tong-hop-clerk.csv"))
            notes.append(f"- N = {n}: pandas and tonghop totals " + ("agree." if not diff else "DIFFER: " + "; ".join(diff)))
        if t.codes != {0}:
            notes.append(f"- N = {n}: `tonghop build` exited with {sorted(t.codes)}")
        found = check_findings(tonghop, data)
        notes.append(f"- N = {n}: `tonghop check` findings: " + (", ".join(f"{v} × {k}" for k, v in sorted(found.items())) or "none"))
        rows.append((n, files, t, f1, fa, c))
        print(f"  tonghop {cell(t)}, floor {cell(f1)} / {cell(fa)}" + (f", pandas {cell(c)}" if c else ""), file=sys.stderr)
    shutil.rmtree(work, ignore_errors=True)
    elapsed = time.perf_counter() - began

    table = [
        "| N | files | tonghop build | peak RSS | floor, 1 thread | floor, all cores | tonghop / floor | pandas | pandas / tonghop |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for n, files, t, f1, fa, c in rows:
        table.append(
            f"| {n:,} | {files:,} | {cell(t)} | {t.peak_kib / 1024:.1f} MB | {cell(f1)} | {cell(fa)} | {t.median / fa.median:.2f}× | "
            + (f"{cell(c)} | {c.median / t.median:.1f}× |" if c else "– | – |")
        )
    targets = []
    for n, _, t, _, fa, c in rows:
        if n == 10000:
            targets.append(f"- N = 10,000: tonghop / floor {t.median / fa.median:.2f}× (target ≤ {TARGET_FLOOR_RATIO}×), peak {t.peak_kib / 1024:.0f} MB (target < {TARGET_RSS_MB} MB)")
        if n == 1000 and c:
            targets.append(f"- N = 1,000: pandas / tonghop {c.median / t.median:.1f}× (target ≥ {TARGET_PANDAS_RATIO}×)")
        if n == 13:
            targets.append(f"- N = 13: tonghop {fmt_time(t.median)} (target < {TARGET_SMALL_S * 1000:.0f} ms)")
    head = sh(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT)
    dirty = " (with uncommitted changes)" if sh(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT) else ""
    who = f"`{args.tonghop}`" if args.tonghop else f"this worktree's tonghop at {head}{dirty}, release build"
    report = [
        f"# tonghop benchmark, {datetime.date.today()}, commit {head}{dirty}",
        "",
        "## Machine",
        "",
        *machine(),
        "",
        "## Commands",
        "",
        f"Run by `{' '.join(['bench/run', *sys.argv[1:]])}`; tonghop is {who}. On each inbox `bench/data/N/{PERIOD}`:",
        "",
        "```sh",
        f"tonghop build bench/data/N/{PERIOD} -o OUT --config bench/data/N/config.toml --period {PERIOD}",
        f"floor bench/data/N/{PERIOD} --threads 1",
        f"floor bench/data/N/{PERIOD}",
        f"bench/.venv/bin/python bench/clerk.py bench/data/N/{PERIOD} -o OUT",
        "```",
        "",
        "## Results",
        "",
        "Median wall time of (×runs) runs; peak RSS is tonghop's largest over its runs; tonghop / floor is against the all-cores floor.",
        "",
        *table,
        "",
        "Targets of issue #11:",
        "",
        *targets,
        "",
        "Checks:",
        "",
        *notes,
        "",
        f"The whole run took {elapsed / 60:.1f} min.",
    ]
    text = "\n".join(report) + "\n"
    print(text)
    if not args.no_save:
        results = BENCH / "results"
        results.mkdir(exist_ok=True)
        # A run of another binary (`--tonghop`) is named after it, so that it does not
        # overwrite the run of this commit's own build.
        other = f"-{args.tonghop.name}" if args.tonghop else ""
        path = results / f"{datetime.date.today()}-{head}{other}.md"
        path.write_text(text)
        print(f"written to {path.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()

"""The Python side of report-usage.mjs: runs a script as its own program
(`python3 report-usage.py SCRIPT ARGS...`) and on exit writes the process's
peak resident memory, in KiB, to the file named by BENCH_USAGE_FILE, so a
Python baseline is measured like a Node one."""

import atexit
import os
import resource
import runpy
import sys

usage_file = os.environ.pop("BENCH_USAGE_FILE", None)


def write_usage():
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # Linux counts it in KiB, macOS in bytes.
    kib = peak // 1024 if sys.platform == "darwin" else peak
    with open(usage_file, "w", encoding="utf-8") as stream:
        stream.write(str(kib))


if usage_file:
    atexit.register(write_usage)
sys.argv = sys.argv[1:]
runpy.run_path(sys.argv[0], run_name="__main__")

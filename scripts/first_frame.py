#!/usr/bin/env python3
"""Whole-process time to the first frame, dockerlings against vim opening vimtutor, in the
same pseudo-terminal measurement; and dockerlings' peak memory after paging through the whole
course.

    cargo build --release && scripts/first_frame.py [--runs 30] [--bin target/release/dockerlings]

To compare builds in one run (the same load on the machine for all), name each: `--bin
before=/tmp/dockerlings-old --bin after=target/release/dockerlings`.

Each run starts the program under a fresh 80x24 pty and times from just before the fork to
the moment its output contains a marker only the first frame shows (the first lesson's title;
the tutor's heading). Runs alternate between the two programs so load on the machine hits
both alike. Memory: after the timing runs, the course is opened once more, every section is
paged through with `n` (which continues into the next lesson), and VmHWM (the peak resident
set) is read from /proc before quitting; that is repeated `--rss-runs` times per binary.
Needs Linux (pty, /proc) and vim.
"""

import argparse
import fcntl
import glob
import os
import pty
import select
import shutil
import signal
import statistics
import struct
import tempfile
import termios
import time

ROWS, COLS = 24, 80


def spawn(argv, env):
    """Forks `argv` onto a new pty of ROWS x COLS; returns (pid, master fd, start time)."""
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        winsize = struct.pack("HHHH", ROWS, COLS, 0, 0)
        fcntl.ioctl(pty.STDIN_FILENO, termios.TIOCSWINSZ, winsize)
        os.execvpe(argv[0], argv, env)
    return pid, fd, start


def read_until(fd, marker, timeout=10.0):
    """Reads the pty until `marker` has been seen; returns when it was seen."""
    seen = b""
    deadline = time.perf_counter() + timeout
    while marker not in seen:
        left = deadline - time.perf_counter()
        if left <= 0:
            raise TimeoutError(f"no {marker!r} within {timeout} s; got {seen[-300:]!r}")
        ready, _, _ = select.select([fd], [], [], left)
        if ready:
            try:
                seen += os.read(fd, 65536)
            except OSError:  # the child exited
                raise RuntimeError(f"exited before {marker!r}; got {seen[-300:]!r}")
    return time.perf_counter()


def drain(fd, quiet=0.05):
    """Reads whatever the program still writes until it is quiet for `quiet` seconds."""
    while select.select([fd], [], [], quiet)[0]:
        try:
            if not os.read(fd, 65536):
                return
        except OSError:
            return


def stop(pid, fd):
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    os.waitpid(pid, 0)
    os.close(fd)


def first_frame(argv, marker, env):
    pid, fd, start = spawn(argv, env)
    try:
        return read_until(fd, marker) - start
    finally:
        stop(pid, fd)


def peak_rss_after_reading(argv, marker, env, sections):
    """Opens the course, pages through `sections` sections, returns VmHWM in kB."""
    pid, fd, _ = spawn(argv, env)
    try:
        read_until(fd, marker)
        os.write(fd, b"\r")  # open the first lesson
        drain(fd)
        for _ in range(sections):
            os.write(fd, b"G")  # to the bottom of the section: every line is laid out
            drain(fd, 0.02)
            os.write(fd, b"n")
            drain(fd, 0.02)
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
        raise RuntimeError("no VmHWM in /proc status")
    finally:
        stop(pid, fd)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument(
        "--bin",
        action="append",
        help="[NAME=]PATH of a dockerlings binary; repeat to compare builds "
        "(default: target/release/dockerlings)",
    )
    parser.add_argument("--sections", type=int, default=80, help="sections to page through")
    parser.add_argument("--rss-runs", type=int, default=5, help="peak-memory runs per binary")
    args = parser.parse_args()
    bins = [b.partition("=")[::2] if "=" in b else ("dockerlings", b) for b in args.bin or []]
    bins = bins or [("dockerlings", "target/release/dockerlings")]

    work = tempfile.mkdtemp(prefix="first-frame-")
    tutors = sorted(glob.glob("/usr/share/vim/vim*/tutor/tutor"))
    if not tutors:
        raise SystemExit("vim's tutor is not installed (apt-get install vim)")
    tutor = tutors[-1]
    tutor_copy = os.path.join(work, "tutor")
    shutil.copy(tutor, tutor_copy)
    env = dict(os.environ, TERM="xterm-256color", HOME=work)
    env.pop("NO_COLOR", None)
    progress = os.path.join(work, "progress.json")
    programs = {
        name: ([path, "--progress-file", progress], b"? help") for name, path in bins
    }
    programs.update({
        # vimtutor itself is a shell script that copies the tutor and runs vim on the copy.
        "vim vimtutor": (["vim", "-N", tutor_copy], b"completely fills the screen."),
    })
    times = {name: [] for name in programs}
    for _ in range(args.runs):
        for name, (argv, marker) in programs.items():
            times[name].append(first_frame(argv, marker, env))

    print(f"time to first frame, {args.runs} runs each, {COLS}x{ROWS} pty (ms):")
    print(f"  {'program':<14} {'median':>7} {'min':>7} {'max':>7}")
    for name, samples in times.items():
        ms = [s * 1000 for s in samples]
        print(f"  {name:<14} {statistics.median(ms):7.2f} {min(ms):7.2f} {max(ms):7.2f}")

    print(f"peak RSS after paging through {args.sections} sections, {args.rss_runs} runs each (MB):")
    for name, _ in bins:
        argv, marker = programs[name]
        peaks = [
            peak_rss_after_reading(argv, marker, env, args.sections) / 1024
            for _ in range(args.rss_runs)
        ]
        print(f"  {name:<14} median {statistics.median(peaks):5.1f}  min {min(peaks):5.1f}  max {max(peaks):5.1f}")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

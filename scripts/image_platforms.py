#!/usr/bin/env python3
"""Prints, for each Docker Official Image repository in assets/images.yaml, the platforms some
current tag is built for, read from a checkout of docker-library/official-images
(library/<repo> `Architectures:` lines). Used to write the `platforms` lines of the image table.

usage: scripts/image_platforms.py OFFICIAL_IMAGES_GIT_DIR [COMMIT]
"""
import subprocess
import sys

ARCH = {
    "amd64": "linux/amd64",
    "arm64v8": "linux/arm64",
    "arm32v7": "linux/arm/v7",
    "arm32v6": "linux/arm/v6",
    "arm32v5": "linux/arm/v5",
    "i386": "linux/386",
    "ppc64le": "linux/ppc64le",
    "s390x": "linux/s390x",
    "riscv64": "linux/riscv64",
    "mips64le": "linux/mips64le",
    "windows-amd64": "windows/amd64",
}

REPOS = ["node", "golang", "alpine", "debian", "ubuntu", "busybox", "python",
         "eclipse-temurin", "maven", "gradle", "rust"]


def main():
    git_dir, commit = sys.argv[1], (sys.argv[2] if len(sys.argv) > 2 else "HEAD")
    for repo in REPOS:
        text = subprocess.run(["git", "--git-dir", git_dir, "show", f"{commit}:library/{repo}"],
                              capture_output=True, text=True, check=True).stdout
        found = set()
        for line in text.splitlines():
            if line.startswith("Architectures:"):
                for arch in line.split(":", 1)[1].split(","):
                    found.add(ARCH[arch.strip()])
        order = list(ARCH.values())
        print(f"{repo}: [{', '.join(sorted(found, key=order.index))}]")


if __name__ == "__main__":
    main()

"""Large blocks of memory go back to the system as soon as they are freed (glibc only).

A build makes a few very large strings: the pages that list every action are tens of
megabytes at 10,000 files, and each is held, restored, rendered into the theme's page and
encoded on its way to disk. glibc's malloc hands a block of 128 KiB or more straight from
the system and gives it back when freed, but each time one is freed it raises that
threshold to the block's size, up to 32 MiB: the next copies of a big page then come from
the heap, which keeps them once freed, and the build's peak grows by a page or two
(benchmarks/README.md). `return_large_blocks` fixes the threshold at 1 MiB for the process
(`mallopt(3)`, `M_MMAP_THRESHOLD`): only a few hundred blocks a build are that large, and
asking the system for each costs no time that shows.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

M_MMAP_THRESHOLD = -3  # <malloc.h>
LARGE = 1 << 20  # bytes


def return_large_blocks(libc: Any = None) -> bool:
    """Have blocks of `LARGE` bytes or more go back to the system when freed; whether the C
    library took the setting (False off Linux, or where `mallopt` is missing or refuses,
    as musl's does). `libc` is the C library to ask, the process's own by default."""
    if libc is None:
        if not sys.platform.startswith("linux"):
            return False
        try:
            libc = ctypes.CDLL(None)  # the C library this interpreter runs on
        except OSError:
            return False
    mallopt = getattr(libc, "mallopt", None)
    if mallopt is None:
        return False
    return bool(mallopt(M_MMAP_THRESHOLD, LARGE))

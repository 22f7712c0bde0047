"""A build gives large blocks back to the system as soon as they are freed (`heap`)."""

from __future__ import annotations

import platform

import pytest

import jobsite.site.build
import jobsite.site.serve
from jobsite.site.heap import LARGE, M_MMAP_THRESHOLD, return_large_blocks

ACME = """
    ---
    company: Acme Corp
    events: [2026-11-20 applied]
    ---
"""


class _Libc:
    def __init__(self, answer: int) -> None:
        self.calls: list[tuple[int, int]] = []
        self.answer = answer

    def mallopt(self, option: int, value: int) -> int:
        self.calls.append((option, value))
        return self.answer


def test_the_threshold_is_set_to_one_mebibyte() -> None:
    libc = _Libc(answer=1)
    assert return_large_blocks(libc) is True
    assert libc.calls == [(M_MMAP_THRESHOLD, LARGE)] == [(-3, 1 << 20)]


def test_a_c_library_that_refuses_or_has_no_mallopt_is_left_alone() -> None:
    assert return_large_blocks(_Libc(answer=0)) is False  # musl's mallopt does nothing
    assert return_large_blocks(object()) is False


@pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="glibc's malloc only")
def test_glibc_takes_the_setting() -> None:
    assert return_large_blocks() is True


def test_build_and_serve_ask_for_it(monkeypatch, make_root, run) -> None:
    root = make_root({"acme.md": ACME}, settings="country: US")
    asked: list[str] = []
    monkeypatch.setattr(jobsite.site.build, "return_large_blocks", lambda: asked.append("asked"))
    assert run(root, "build", "--today", "2026-11-26").exit_code == 0
    assert asked == ["asked"]
    monkeypatch.setattr(jobsite.site.serve, "serve", lambda *a, **k: asked.append("served"))
    assert run(root, "serve").exit_code == 0
    assert asked == ["asked", "asked", "served"]

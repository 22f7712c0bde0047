"""Bounded imports: every file, ZIP member, line and table read within a cap, streamed, and
one line for each export refused (a password, a ZIP bomb, a file that is no export)."""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path

import pytest

from jobsite.authoring.importing.linkedin import read_linkedin
from jobsite.authoring.importing.table import Limits, SourceError, read_table, size_text

from conftest import MakeRoot

HEADER = "Application Date,Company Name,Job Title\n"
ROW = '"11/2/26, 9:00 AM",Acme,Engineer\n'
MEMBER = "Jobs/Job Applications.csv"


def _refused(call) -> str:
    with pytest.raises(SourceError) as error:
        call()
    return str(error.value)


def test_a_table_of_more_rows_than_the_cap_is_refused_at_the_first_row_past_it() -> None:
    data = (HEADER + ROW * 11).encode()
    assert len(read_table("x.csv", data, Limits(rows=11)).rows) == 11
    assert _refused(lambda: read_table("x.csv", data, Limits(rows=10))) == (
        "x.csv:12: more than 10 rows, more than an export of one job search holds: "
        "--max-rows raises the cap"
    )


def test_a_line_longer_than_the_cap_is_refused() -> None:
    data = (HEADER + '"11/2/26",Acme,"' + "a" * 5000 + '"\n').encode()
    assert _refused(lambda: read_table("x.csv", data, Limits(field=1000))) == (
        "x.csv:2: a line longer than 1 kB, longer than any value an export holds: "
        "--max-field raises the cap"
    )


def test_a_value_over_lines_longer_than_the_cap_is_a_bad_row() -> None:
    data = (HEADER + '"11/2/26",Acme,"' + "a\n" * 800 + '"\n' + ROW).encode()
    table = read_table("x.csv", data, Limits(field=1000))
    assert str(table.problems[0]).startswith("x.csv:2: cannot read the row: field larger")


def test_a_file_larger_than_the_cap_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    path.write_text(HEADER + ROW * 100)
    assert _refused(lambda: read_linkedin(path, "big.csv", Limits(size=1000))) == (
        f"big.csv: {size_text(path.stat().st_size)}, larger than the 1 kB an export of one "
        "job search comes to: --max-size raises the cap"
    )


def test_a_stream_larger_than_the_cap_is_refused_as_it_is_read() -> None:
    class Endless:
        def readline(self, limit: int) -> bytes:
            return b"a,b\n"

    assert _refused(lambda: read_table("pipe", Endless(), Limits(size=100))).startswith(  # type: ignore[arg-type]
        "pipe: 104 bytes, larger than the 100 bytes"
    )


def test_binary_data_is_no_export() -> None:
    assert _refused(lambda: read_table("x.bin", b"\x00" * 64)) == (
        "x.bin:1: not a CSV export: it holds binary data"
    )


def test_bad_utf8_is_named_on_its_line() -> None:
    data = (HEADER + ROW).encode() + b"\xff\xfe,x,y\n"
    assert _refused(lambda: read_table("x.csv", data)) == (
        "x.csv:3: not UTF-8 text: export it again as CSV in UTF-8"
    )


def _zip(path: Path, text: str) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(MEMBER, text)
    return path


def test_a_zip_bomb_is_refused_before_a_byte_is_unpacked(tmp_path: Path) -> None:
    path = _zip(tmp_path / "bomb.zip", HEADER + "," * 200_000)
    [info] = zipfile.ZipFile(path).infolist()
    assert _refused(lambda: read_linkedin(path, "bomb.zip", Limits(size=100_000))) == (
        f"bomb.zip/{MEMBER}: 200 kB unpacked from {size_text(info.compress_size)}, larger "
        "than the 100 kB cap (a ZIP bomb?): --max-size raises it"
    )


def _patch(path: Path, offsets: tuple[int, int], fmt: str, value: int) -> None:
    """Write `value` at the local header's and the central directory's offset of the field."""
    data = bytearray(path.read_bytes())
    central = data.find(b"PK\x01\x02")
    struct.pack_into(fmt, data, offsets[0], value)
    struct.pack_into(fmt, data, central + offsets[1], value)
    path.write_bytes(bytes(data))


def test_a_member_protected_by_a_password_is_one_line(tmp_path: Path) -> None:
    path = _zip(tmp_path / "locked.zip", HEADER + ROW)
    flags = struct.unpack_from("<H", path.read_bytes(), 6)[0]
    _patch(path, (6, 8), "<H", flags | 0x1)  # the "encrypted" flag bit, as `zip -e` sets it
    assert _refused(lambda: read_linkedin(path, "locked.zip")) == (
        f"locked.zip/{MEMBER}: protected by a password: unzip the export yourself and import "
        "Jobs/Job Applications.csv"
    )


def test_a_member_larger_than_its_header_says_is_one_line(tmp_path: Path) -> None:
    path = _zip(tmp_path / "lying.zip", HEADER + ROW * 5000)
    _patch(path, (22, 24), "<I", 100)  # says 100 bytes unpacked
    message = _refused(lambda: read_linkedin(path, "lying.zip"))
    assert message.startswith("lying.zip: cannot read the ZIP: ")


def test_dev_zero_is_one_line(make_root: MakeRoot, run) -> None:
    root = make_root({})
    result = run(root, "import", "csv", "/dev/zero", "--map", "company=Company")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == "/dev/zero:1: not a CSV export: it holds binary data\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--max-rows", "2"), "li.csv:4: more than 2 rows"),
        (("--max-field", "20"), "li.csv:1: a line longer than 20 bytes"),
        (("--max-size", "0.1kB"), "li.csv: 139 bytes, larger than the 100 bytes"),
    ],
)
def test_the_caps_are_options(
    make_root: MakeRoot, run, args: tuple[str, ...], message: str
) -> None:
    root = make_root({})
    (root / "li.csv").write_text(HEADER + ROW * 3)
    result = run(root, "import", "linkedin", "li.csv", *args)
    assert result.exit_code == 1
    assert result.stderr.startswith(message), result.stderr
    assert list((root / "journal").iterdir()) == []


def test_a_cap_that_is_not_a_size_is_a_usage_error(make_root: MakeRoot, run) -> None:
    result = run(make_root({}), "import", "linkedin", "x.csv", "--max-size", "lots")
    assert result.exit_code == 2
    assert "'lots' is not a size like 50MB or 1MiB" in result.stderr

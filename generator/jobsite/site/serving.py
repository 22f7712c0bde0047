"""What `jobsite serve` adds to MkDocs' development server: it answers only requests
addressed to it, and it says what it is doing.

A page on the internet can point a name it controls at 127.0.0.1 (DNS rebinding) and then
read whatever a local server answers, the journal's site included; the `Host` header of
such a request still carries the attacker's name. So a request is answered only where its
Host is `localhost` or an IP address, with the port served on; anything else gets 421.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Callable, Iterable
from typing import Any

from jobsite.words import count

WsgiApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]
_REFUSED = b"421 Misdirected Request: this server answers only its own address.\n"


def host_allowed(host: str, port: int) -> bool:
    """Whether a request with this `Host` header is addressed to a local server on `port`:
    `localhost` or an IP address (`127.0.0.1`, `[::1]`, a LAN address), with that port
    (80 where none is given)."""
    host = host.strip().lower()
    name, given = host, "80"
    if host.startswith("["):  # [::1]:8000
        name, _, rest = host[1:].partition("]")
        given = rest.removeprefix(":") or "80"
    elif ":" in host:
        name, _, given = host.rpartition(":")
    if not given.isdigit() or int(given) != port:
        return False
    name = name.rstrip(".")
    if name == "localhost":
        return True
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def checking_host(app: WsgiApp, port: int) -> WsgiApp:
    """`app`, answering 421 to every request whose Host is not this server's."""

    def checked(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        if host_allowed(environ.get("HTTP_HOST", ""), port):
            return app(environ, start_response)
        start_response(
            "421 Misdirected Request",
            [("Content-Type", "text/plain; charset=utf-8"), ("Content-Length", str(len(_REFUSED)))],
        )
        return [_REFUSED]

    return checked


def status_line(buckets: dict[str, int], problems: int) -> str:
    """`2 overdue, 1 due now, 1 problem`: what a rebuild changed, at a glance."""
    parts = [f"{buckets.get('overdue', 0)} overdue", f"{buckets.get('due', 0)} due now"]
    if problems:
        parts.append(count(problems, "problem") + " (listed above)")
    return ", ".join(parts)

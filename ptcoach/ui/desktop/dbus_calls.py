"""Outgoing D-Bus method calls with their exact signatures, through jeepney.

QtDBus marshals Python ints as `i`, so a GDBus service that checks signatures (most desktop
services) rejects `UnInhibit(u cookie)` with InvalidArgs. jeepney writes the signature we give.
QtDBus still listens to signals; only calls go through here. jeepney is imported on the first
call (about 30 ms, after the first paint), and every call has a short timeout: a desktop service
that does not answer costs at most CALL_TIMEOUT_S, never a frozen window.
"""

from __future__ import annotations

import contextlib
import logging
from typing import Any

log = logging.getLogger(__name__)
CALL_TIMEOUT_S = 0.5

_connection: Any = None


class CallFailed(RuntimeError):
    """The call could not be made, or the service answered with an error (named in the text)."""


def _bus() -> Any:
    global _connection
    if _connection is None:
        from jeepney.io.blocking import open_dbus_connection

        _connection = open_dbus_connection(bus="SESSION")
    return _connection


def call(
    service: str, path: str, interface: str, method: str, signature: str, args: tuple[Any, ...]
) -> tuple[Any, ...]:
    """Call `method(args)` with `signature` on the session bus; its reply's values."""
    try:
        from jeepney import DBusAddress, MessageType, new_method_call

        msg = new_method_call(
            DBusAddress(path, bus_name=service, interface=interface), method, signature, args
        )
        reply = _bus().send_and_get_reply(msg, timeout=CALL_TIMEOUT_S)
    except Exception as exc:  # no bus, no jeepney, a timeout: the caller carries on without
        _forget()
        raise CallFailed(f"{method}: {type(exc).__name__}: {exc}") from exc
    if reply.header.message_type == MessageType.error:
        name = reply.header.fields.get(4, "")  # HeaderFields.error_name
        raise CallFailed(f"{method}: {name}: {' '.join(map(str, reply.body))}")
    return tuple(reply.body)


def _forget() -> None:
    global _connection
    if _connection is not None:
        with contextlib.suppress(Exception):
            _connection.close()
    _connection = None


def close() -> None:
    _forget()

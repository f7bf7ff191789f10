"""A stand-in org.freedesktop.ScreenSaver that checks call signatures as GDBus services do:
a call whose signature is not the method's gets org.freedesktop.DBus.Error.InvalidArgs.

Run on a private session bus. Prints {"ready": true}, then one JSON line per call received:
{"method", "signature", "args", "accepted"}.
"""

from __future__ import annotations

import json
import sys

from jeepney import HeaderFields, MessageType, new_error, new_method_return
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import open_dbus_connection

METHODS = {"Inhibit": ("ss", "u"), "UnInhibit": ("u", ""), "GetActive": ("", "b")}


def main() -> None:
    conn = open_dbus_connection(bus="SESSION")
    reply = conn.send_and_get_reply(message_bus.RequestName("org.freedesktop.ScreenSaver"))
    if reply.body[0] != 1:
        sys.exit("screensaver name already taken")
    print(json.dumps({"ready": True}), flush=True)
    cookies = 0
    while True:
        msg = conn.receive()
        if msg.header.message_type != MessageType.method_call:
            continue
        method = msg.header.fields.get(HeaderFields.member, "")
        signature = msg.header.fields.get(HeaderFields.signature, "")
        want = METHODS.get(method)
        accepted = want is not None and want[0] == signature
        print(
            json.dumps(
                {
                    "method": method,
                    "signature": signature,
                    "args": list(msg.body),
                    "accepted": accepted,
                }
            ),
            flush=True,
        )
        if not accepted:
            conn.send(
                new_error(
                    msg,
                    "org.freedesktop.DBus.Error.InvalidArgs",
                    "s",
                    (
                        f"Type of message, '({signature})', does not match expected "
                        f"type '({want[0] if want else '?'})'",
                    ),
                )
            )
            continue
        if method == "Inhibit":
            cookies += 1
            conn.send(new_method_return(msg, "u", (cookies,)))
        elif method == "GetActive":
            conn.send(new_method_return(msg, "b", (False,)))
        else:
            conn.send(new_method_return(msg))


if __name__ == "__main__":
    main()

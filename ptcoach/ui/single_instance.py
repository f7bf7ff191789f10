"""One writer per data dir: a second ptcoach window asks the running one to come to the front
(over a local socket) instead of opening the history a second time.

`signal_running` is the quick, Qt-free check a start makes before its window shows;
`SingleInstance` (QtNetwork) listens, and is made just after the first paint.
"""

from __future__ import annotations

import os
import zlib
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDir, QObject, Signal

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer

MESSAGE = b"activate\n"


def server_name(data_dir: Path) -> str:
    """A socket name private to this user and data dir, so test data dirs never collide."""
    key = str(Path(data_dir).expanduser().resolve())
    digest = f"{zlib.crc32(key.encode()):08x}"  # zlib is loaded anyway; hashlib costs ~3 ms
    uid = os.getuid() if hasattr(os, "getuid") else 0
    return f"ptcoach-{uid}-{digest}"


def socket_path(name: str) -> str:
    """Where QLocalServer.listen(name) puts its socket on Unix: Qt's temp dir."""
    return os.path.join(QDir.tempPath(), name)


def signal_running(name: str, timeout_s: float = 1.0) -> bool:
    """True when a ptcoach listens on `name`; it has been asked to come to the front.

    Plain Unix sockets, so a start need not load QtNetwork (~8 ms) before its window shows;
    `_socket`, as `socket` itself costs ~8 ms to import. Elsewhere: False, and the listening
    `SingleInstance` decides after the first paint.
    """
    import _socket

    family = getattr(_socket, "AF_UNIX", None)
    if family is None:
        return False
    sock = _socket.socket(family, _socket.SOCK_STREAM)
    try:
        sock.settimeout(timeout_s)
        sock.connect(socket_path(name))
        sock.sendall(MESSAGE)
    except OSError:  # no socket file, or one left by a crashed ptcoach: nobody answers
        return False
    finally:
        sock.close()
    return True


class SingleInstance(QObject):
    """`is_primary()` is True in the first process; later ones signal it and get False."""

    activated = Signal()  # another ptcoach asked this one to come to the front

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._server: QLocalServer | None = None
        self._primary: bool | None = None

    def is_primary(self, timeout_ms: int = 1000) -> bool:
        if self._primary is None:
            self._primary = not self._signal_running(timeout_ms) and self._listen(timeout_ms)
        return self._primary

    def close(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None

    def _signal_running(self, timeout_ms: int) -> bool:
        from PySide6.QtNetwork import QLocalSocket

        socket = QLocalSocket(self)
        socket.connectToServer(self.name)
        if not socket.waitForConnected(timeout_ms):
            socket.deleteLater()
            return False
        socket.write(MESSAGE)
        socket.waitForBytesWritten(timeout_ms)
        socket.disconnectFromServer()
        socket.deleteLater()
        return True

    def _listen(self, timeout_ms: int) -> bool:
        from PySide6.QtNetwork import QLocalServer

        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            # A socket file left by a crashed ptcoach answers nobody: remove it and retry.
            QLocalServer.removeServer(self.name)
            if not server.listen(self.name):
                # Lost a race with another ptcoach starting at the same moment.
                return not self._signal_running(timeout_ms)
        server.newConnection.connect(self._on_new_connection)
        self._server = server
        return True

    def _on_new_connection(self) -> None:
        assert self._server is not None
        while (socket := self._server.nextPendingConnection()) is not None:
            # The message is a few bytes sent right after connecting: wait for it here
            # rather than keep per-socket callbacks alive past the socket's deletion.
            arrived = socket.bytesAvailable() > 0 or socket.waitForReadyRead(1000)
            if arrived and bytes(socket.readAll().data()).strip() == MESSAGE.strip():
                self.activated.emit()
            socket.disconnectFromServer()
            socket.deleteLater()

"""One app per data dir: a second ptcoach hands its request (come to the front, or run a
routine) to the running one over a local socket instead of opening the history a second time.

Who is the running one is decided by the data dir's lock (`ptcoach.store.lock`), never by
the socket: the socket only carries messages. It lives in a private (0700) folder, named
from the data dir: the data dir itself when the path is short enough for a Unix socket, else
$XDG_RUNTIME_DIR (when it is ours and private), else a private folder of ours in the temp
dir. So $TMPDIR plays no part, and no other user can take the name.

`signal_running` is the quick, Qt-free sender a start uses before any window shows;
`SingleInstance` (QtNetwork) listens, and is made just after the first paint. It never
waits for a client: each one's message is read as it arrives (readyRead), and a client that
says nothing is dropped after CLIENT_TIMEOUT_MS.
"""

from __future__ import annotations

import contextlib
import os
import stat
import zlib
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

    from ptcoach.store.lock import DataDirLock

MESSAGE = b"activate\n"
SOCKET_FILE = "ptcoach.sock"
MAX_SOCKET_PATH = 100  # sun_path holds 108 bytes on Linux, 104 on macOS
CLIENT_TIMEOUT_MS = 2000
MAX_MESSAGE = 512


def run_message(routine_id: str) -> bytes:
    return f"run {routine_id}\n".encode()


RELOAD_MESSAGE = b"reload\n"


def _private_dir(path: Path) -> bool:
    """`path` is a real folder of ours that nobody else can enter."""
    try:
        st = os.lstat(path)
    except OSError:
        return False
    return (
        stat.S_ISDIR(st.st_mode)
        and st.st_uid == os.getuid()
        and stat.S_IMODE(st.st_mode) & 0o077 == 0
    )


def _runtime_dir() -> Path:
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and _private_dir(Path(runtime)):
        return Path(runtime)
    import tempfile

    folder = Path(tempfile.gettempdir()) / f"ptcoach-{os.getuid()}"
    with contextlib.suppress(OSError):
        folder.mkdir(mode=0o700, exist_ok=True)
    if not _private_dir(folder):  # taken by someone else: our state folder instead
        from ptcoach.paths import state_dir

        folder = state_dir() / "run"
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


def server_name(data_dir: Path) -> str:
    """The socket's full path, private to this user and data dir (whatever $TMPDIR is)."""
    folder = Path(data_dir).expanduser().resolve()
    inside = folder / SOCKET_FILE
    if len(os.fsencode(inside)) <= MAX_SOCKET_PATH:
        return str(inside)
    digest = f"{zlib.crc32(str(folder).encode()):08x}"  # hashlib costs ~3 ms to import
    return str(_runtime_dir() / f"ptcoach-{digest}.sock")


def socket_path(name: str) -> str:
    """Where the socket of `server_name` is (it is a full path already)."""
    return name


def signal_running(name: str, timeout_s: float = 1.0, message: bytes = MESSAGE) -> bool:
    """Send `message` to the ptcoach listening on `name`; True when it was delivered.

    Plain Unix sockets, so a start need not load QtNetwork (~8 ms) before its window shows;
    `_socket`, as `socket` itself costs ~8 ms to import.
    """
    import _socket

    family = getattr(_socket, "AF_UNIX", None)
    if family is None:
        return False
    sock = _socket.socket(family, _socket.SOCK_STREAM)
    try:
        sock.settimeout(timeout_s)
        sock.connect(socket_path(name))
        sock.sendall(message)
    except OSError:  # no socket file, or one left by a crashed ptcoach: nobody answers
        return False
    finally:
        sock.close()
    return True


def hand_over(name: str, message: bytes, wait_s: float = 10.0) -> bool:
    """Deliver `message` to the app that holds the lock; it may still be starting (its socket
    listens only after its first paint), so keep trying for up to `wait_s`."""
    import time

    deadline = time.monotonic() + wait_s
    while True:
        if signal_running(name, message=message):
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.1)


class SingleInstance(QObject):
    """`is_primary()` is True in the process that holds the data dir's lock (or, without a
    lock, in the first process); it then listens for the requests of later ones."""

    activated = Signal()  # another ptcoach asked this one to come to the front
    run_requested = Signal(str)  # `ptcoach run ID` in another process: open that session
    reload_requested = Signal()  # routines changed on disk (`ptcoach import`)

    def __init__(
        self, name: str, parent: QObject | None = None, *, lock: DataDirLock | None = None
    ) -> None:
        super().__init__(parent)
        self.name = name
        self.lock = lock
        self._server: QLocalServer | None = None
        self._primary: bool | None = None
        self._clients: dict[QLocalSocket, tuple[bytearray, float]] = {}
        self._sweeper: QTimer | None = None

    def is_primary(self, timeout_ms: int = 1000) -> bool:
        if self._primary is None:
            if self.lock is not None:
                self._primary = self.lock.acquire() and self._listen(owner=True)
            else:
                self._primary = not self._signal_running(timeout_ms) and self._listen()
        return self._primary

    def close(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None

    def _signal_running(self, timeout_ms: int) -> bool:
        return signal_running(self.name, timeout_ms / 1000)

    def _listen(self, owner: bool = False) -> bool:
        from PySide6.QtNetwork import QLocalServer

        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if owner:  # we hold the lock: any socket file there is a dead app's
            QLocalServer.removeServer(self.name)
        if not server.listen(self.name):
            # A socket file left by a crashed ptcoach answers nobody: remove it and retry.
            QLocalServer.removeServer(self.name)
            if not server.listen(self.name):
                if owner:
                    return True  # the lock decides; only the messages are lost
                return not self._signal_running(1000)  # lost a race at the same moment
        server.newConnection.connect(self._on_new_connection)
        self._server = server
        return True

    def _on_new_connection(self) -> None:
        """Take each client; its message is read as it arrives (readyRead), never waited
        for here. Slots are this object's methods, so they are disconnected before the
        sockets (the server's children) are deleted."""
        import time

        assert self._server is not None
        while (socket := self._server.nextPendingConnection()) is not None:
            self._clients[socket] = (bytearray(), time.monotonic() + CLIENT_TIMEOUT_MS / 1000)
            socket.readyRead.connect(self._poll)
            socket.disconnected.connect(self._poll)
        if self._sweeper is None:
            self._sweeper = QTimer(self)
            self._sweeper.setInterval(250)
            self._sweeper.timeout.connect(self._poll)
        self._sweeper.start()
        self._poll()

    def _poll(self) -> None:
        import time

        now = time.monotonic()
        for socket, (buffer, deadline) in list(self._clients.items()):
            buffer.extend(bytes(socket.readAll().data()))
            complete = b"\n" in buffer or len(buffer) > MAX_MESSAGE
            gone = socket.state() == socket.LocalSocketState.UnconnectedState
            if not (complete or gone or now >= deadline):
                continue
            del self._clients[socket]
            socket.readyRead.disconnect(self._poll)
            socket.disconnected.disconnect(self._poll)
            socket.abort()
            socket.deleteLater()
            if complete:
                self._dispatch(bytes(buffer).split(b"\n", 1)[0].decode("utf-8", "replace").strip())
        if not self._clients and self._sweeper is not None:
            self._sweeper.stop()

    def _dispatch(self, line: str) -> None:
        if line == MESSAGE.decode().strip():
            self.activated.emit()
        elif line.startswith("run ") and line[4:].strip():
            self.run_requested.emit(line[4:].strip())
        elif line == RELOAD_MESSAGE.decode().strip():
            self.reload_requested.emit()

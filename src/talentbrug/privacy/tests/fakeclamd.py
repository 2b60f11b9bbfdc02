"""A fake clamd for tests: speaks the real INSTREAM protocol on a Unix or TCP socket.

Answers ``stream: Eicar-Test-Signature FOUND`` when the streamed bytes contain the EICAR test
string, ``stream: OK`` otherwise, and ``INSTREAM size limit exceeded. ERROR`` past
``max_length`` (as clamd does with StreamMaxLength).
"""

from __future__ import annotations

import contextlib
import socket
import struct
import threading
from pathlib import Path

# The EICAR anti-virus test file (harmless; every scanner reports it). Split so that a real
# scanner on a developer's machine does not flag this source file.
EICAR = b"X5O!P%@AP[4\\PZX54(P^)7CC)7}$" + b"EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"


class FakeClamd:
    def __init__(self, unix_path: Path | None = None, max_length: int = 25 * 1024 * 1024):
        self.max_length = max_length
        self.scanned: list[bytes] = []
        if unix_path is not None:
            self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            self.sock.bind(str(unix_path))
            self.address: str | tuple[str, int] = str(unix_path)
        else:
            self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            self.sock.bind(("127.0.0.1", 0))
            self.address = self.sock.getsockname()
        self.sock.listen(8)
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.running = True
        self.thread.start()

    @staticmethod
    def _exact(conn: socket.socket, n: int) -> bytes:
        data = b""
        while len(data) < n:
            chunk = conn.recv(n - len(data))
            if not chunk:
                raise ConnectionError("closed")
            data += chunk
        return data

    def _handle(self, conn: socket.socket) -> None:
        command = b""
        while not command.endswith(b"\0"):
            chunk = conn.recv(1)
            if not chunk:
                return
            command += chunk
        if command != b"zINSTREAM\0":
            conn.sendall(b"UNKNOWN COMMAND\0")
            return
        data = b""
        while True:
            (length,) = struct.unpack(">I", self._exact(conn, 4))
            if length == 0:
                break
            data += self._exact(conn, length)
            if len(data) > self.max_length:
                conn.sendall(b"INSTREAM size limit exceeded. ERROR\0")
                return
        self.scanned.append(data)
        if EICAR in data:
            conn.sendall(b"stream: Eicar-Test-Signature FOUND\0")
        else:
            conn.sendall(b"stream: OK\0")

    def _serve(self) -> None:
        while self.running:
            try:
                conn, _addr = self.sock.accept()
            except OSError:
                return
            with conn, contextlib.suppress(ConnectionError, OSError):
                self._handle(conn)

    def close(self) -> None:
        self.running = False
        self.sock.close()

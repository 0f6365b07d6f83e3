"""A mail server on 127.0.0.1 for tests: it speaks enough SMTP to take messages, and can answer slowly."""

import socketserver
import time

from tests.local_server import LocalServer
from tests.local_server import serving


class _Conversation(socketserver.StreamRequestHandler):
    def reply(self, line):
        time.sleep(self.server.delay)
        self.wfile.write(line.encode() + b"\r\n")
        self.wfile.flush()

    def handle(self):
        self.server.connections += 1
        try:
            self.reply("220 test.localhost ESMTP")
            while line := self.rfile.readline():
                command = line.decode("ascii", "replace").strip().upper()
                if command.startswith(("EHLO", "HELO", "MAIL", "RCPT", "RSET", "NOOP")):
                    self.reply("250 OK")
                elif command == "DATA":
                    self.reply("354 End data with <CR><LF>.<CR><LF>")
                    lines = []
                    while (data := self.rfile.readline()) not in (b".\r\n", b""):
                        lines.append(data)
                    self.server.messages.append(b"".join(lines).decode("utf-8", "replace"))
                    self.reply("250 Queued")
                elif command == "QUIT":
                    self.reply("221 Bye")
                    return
                else:
                    self.reply("502 Not implemented")
        except OSError:
            return  # the client gave up on us: that is what some tests want


class _Server(LocalServer, socketserver.ThreadingTCPServer):
    def __init__(self, delay):
        super().__init__(_Conversation)
        self.delay = delay
        self.messages = []
        self.connections = 0


def smtp_server(delay=0.0):
    """A running server that waits `delay` seconds before each reply; `.messages` holds what it accepted."""
    return serving(_Server(delay))

"""The process a warm kernel manager launches: asks the build's fork server for a kernel and stands in for it.

Run by path with ``python -I -S`` (standard library only, about 20 ms to start). jupyter_client
manages this process as if it were the kernel: a signal sent to it (SIGINT to interrupt, SIGTERM)
is passed on to the kernel; when it is killed, the kernel sees its connection close and exits;
when the kernel exits, this process exits with it.

    python -I -S _kernel_proxy.py SOCKET CONNECTION_FILE [KERNEL ARGUMENTS...]
"""

import json
import os
import signal
import socket
import sys
import time


def _die_with_parent():
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def main(argv):
    _die_with_parent()
    server, connection_file, extra = argv[1], argv[2], argv[3:]
    conn = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    for _ in range(2400):  # the server may still be importing: its socket appears when it is ready
        try:
            conn.connect("\0" + server[1:] if server.startswith("@") else server)
            break
        except (FileNotFoundError, ConnectionRefusedError):
            time.sleep(0.05)
    else:
        return 1
    request = {"connection_file": connection_file, "argv": extra, "cwd": os.getcwd()}
    conn.sendall(json.dumps(request).encode() + b"\n")
    reply = b""
    while not reply.endswith(b"\n"):
        chunk = conn.recv(64)
        if not chunk:
            return 1  # the fork server is gone
        reply += chunk
    kernel = int(reply)

    def relay(signum, _frame):
        try:
            os.kill(kernel, signum)
        except OSError:
            pass

    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT):
        signal.signal(signum, relay)
    while True:  # the kernel holds the other end: it closes when the kernel exits
        try:
            if not conn.recv(64):
                return 0
        except InterruptedError:
            continue


if __name__ == "__main__":
    sys.exit(main(sys.argv))

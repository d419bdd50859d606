#!/usr/bin/env python3
"""A loopback DNS forwarder that adds a fixed delay to every answer (UDP and TCP).

    bench/dns-delay-forwarder.py LISTEN_IP:PORT UPSTREAM_IP:PORT DELAY_MS [STATS_FILE]

Used by bench/transport-latency.sh to measure `mailcheck domain` at 50 ms DNS latency against the
interop lab's Knot (127.25.0.53). Standard library only; each query is answered on its own thread
after the delay, so concurrent queries overlap as they would on a real network.

With STATS_FILE it counts the queries it receives per second and, on SIGTERM, writes
{"total": n, "max_per_second": m, "per_second": [...]} there (ScaleInteropIT checks --qps with it;
the first and last seconds are partial and left out of the maximum).
"""
import json
import signal
import socket
import struct
import sys
import threading
import time


SO_TIMESTAMPNS = getattr(socket, "SO_TIMESTAMPNS", 35)  # Linux


def kernel_time(ancdata):
    """The receive time the kernel stamped on a datagram, or None."""
    for level, kind, data in ancdata:
        if level == socket.SOL_SOCKET and kind == SO_TIMESTAMPNS and len(data) >= 16:
            sec, nsec = struct.unpack("qq", data[:16])
            return sec + nsec / 1e9
    return None


def main():
    lip, lport = sys.argv[1].rsplit(":", 1)
    uip, uport = sys.argv[2].rsplit(":", 1)
    delay = int(sys.argv[3]) / 1000.0
    upstream = (uip, int(uport))
    stats = sys.argv[4] if len(sys.argv) > 4 else None
    counts = {}
    lock = threading.Lock()

    def count(at=None):
        # at: the kernel's receive time (SO_TIMESTAMPNS), so that a busy machine that schedules
        # this process late does not shift queries into the wrong second
        sec = int(at if at is not None else time.time())
        with lock:
            counts[sec] = counts.get(sec, 0) + 1

    def stop(signum, frame):
        if stats:
            with lock:
                per = [counts[k] for k in sorted(counts)]
            inner = per[1:-1] if len(per) > 2 else per
            with open(stats, "w") as f:
                json.dump({"total": sum(per), "max_per_second": max(inner, default=0),
                           "per_second": per}, f)
        sys.exit(0)

    signal.signal(signal.SIGTERM, stop)

    udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    udp.setsockopt(socket.SOL_SOCKET, SO_TIMESTAMPNS, 1)
    udp.bind((lip, int(lport)))
    tcp = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    tcp.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    tcp.bind((lip, int(lport)))
    tcp.listen(64)

    def udp_one(data, client):
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        s.settimeout(5)
        try:
            s.sendto(data, upstream)
            answer, _ = s.recvfrom(65535)
            time.sleep(delay)
            udp.sendto(answer, client)
        except OSError:
            pass
        finally:
            s.close()

    def recv_exact(conn, n):
        buf = b""
        while len(buf) < n:
            chunk = conn.recv(n - len(buf))
            if not chunk:
                raise OSError("closed")
            buf += chunk
        return buf

    def tcp_one(conn):
        with conn:
            try:
                conn.settimeout(5)
                n = int.from_bytes(recv_exact(conn, 2), "big")
                q = recv_exact(conn, n)
                count()
                with socket.create_connection(upstream, timeout=5) as u:
                    u.sendall(len(q).to_bytes(2, "big") + q)
                    m = int.from_bytes(recv_exact(u, 2), "big")
                    a = recv_exact(u, m)
                time.sleep(delay)
                conn.sendall(len(a).to_bytes(2, "big") + a)
            except OSError:
                pass

    def tcp_loop():
        while True:
            conn, _ = tcp.accept()
            threading.Thread(target=tcp_one, args=(conn,), daemon=True).start()

    threading.Thread(target=tcp_loop, daemon=True).start()
    print("ready", flush=True)
    while True:
        data, anc, _, client = udp.recvmsg(65535, 64)
        count(kernel_time(anc))
        threading.Thread(target=udp_one, args=(data, client), daemon=True).start()


if __name__ == "__main__":
    main()

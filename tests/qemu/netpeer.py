"""The host end of the NIC scenarios (scenarios_net.py): a peer on QEMU's
`-netdev dgram` that exchanges raw Ethernet frames with net-check.atxf
(tests/qemu/progs/net-check.c), over UDP on 127.0.0.1 only.

QEMU's dgram netdev sends each frame the guest transmits as one UDP
datagram from its local port to the remote one, and delivers each datagram
it receives on its local port as one frame (net/dgram.c). The peer binds
the remote port, answers every request frame (ethertype 0x88b5, "ATXF"
header, see net-check.c) with a reply of the size asked for, random data
and the CRC-32 it computed over the request's data, and keeps score:

  peer = NetPeer("e1000,addr=0x11", "52:54:00:12:34:56", want_requests=24)
  peer.qemu_args            # -netdev dgram,... -device e1000,...,netdev=n0,mac=...
  peer.start(); ...; peer.finish()   # None, or why the exchange was wrong

A request is bad if its source is not the guest's MAC, its destination
not the peer's, its length not the one its header states, or its data's
CRC not the one it carries: the NIC or driver corrupted, cut or padded it.
"""
import os
import socket
import struct
import threading
import zlib

ETHERTYPE = 0x88b5
PEER_MAC = bytes([0x02, 0, 0, 0, 0, 0x01])
HDR = struct.Struct("<4sBBHHHII")       # magic op pad seq reply_size size crc echo
OP_REQUEST, OP_REPLY = 1, 2
SIZES = (60, 64, 100, 333, 600, 1000, 1400, 1514)


def free_udp_port():
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def dgram_link(device, mac, netdev, timeout):
    """The host's end of a `-netdev dgram` link on 127.0.0.1: (its socket,
    QEMU's address to send frames to, the QEMU arguments for the NIC)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("127.0.0.1", 0))
    sock.settimeout(timeout)
    port, qemu_port = sock.getsockname()[1], free_udp_port()
    args = ["-netdev", "dgram,id=%s,local.type=inet,local.host=127.0.0.1,local.port=%d,"
                       "remote.type=inet,remote.host=127.0.0.1,remote.port=%d"
                       % (netdev, qemu_port, port),
            "-device", "%s,netdev=%s,mac=%s" % (device, netdev, mac)]
    return sock, ("127.0.0.1", qemu_port), args


class NetPeer:
    def __init__(self, device, mac, want_requests=0, netdev="n0"):
        self.want_requests = want_requests
        self.mac = bytes(int(b, 16) for b in mac.split(":"))
        self.sock, self.qemu_addr, self.qemu_args = dgram_link(device, mac, netdev, 0.2)
        self.good, self.sizes, self.bad = set(), set(), []
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)

    def start(self):
        self.thread.start()

    def _check(self, frame):
        """The request's header, or None after noting why it is bad."""
        if len(frame) < 14 + HDR.size or struct.unpack(">H", frame[12:14])[0] != ETHERTYPE:
            return None                 # not ours (nothing else is expected)
        h = HDR.unpack_from(frame, 14)
        magic, op, _, seq, reply_size, size, crc, _ = h
        why = None
        if magic != b"ATXF" or op != OP_REQUEST:
            why = "not a request"
        elif frame[6:12] != self.mac:
            why = "source %s, not the guest's MAC" % frame[6:12].hex(":")
        elif frame[0:6] != PEER_MAC:
            why = "destination %s, not the peer" % frame[0:6].hex(":")
        elif len(frame) != size:
            why = "%d bytes, its header says %d" % (len(frame), size)
        elif zlib.crc32(frame[14 + HDR.size:]) != crc:
            why = "data CRC mismatch"
        elif not 14 + HDR.size <= reply_size <= 1514:
            why = "reply size %d" % reply_size
        if why:
            self.bad.append("request %d: %s" % (seq, why))
            return None
        return h

    def _reply(self, h):
        _, _, _, seq, reply_size, size, crc, _ = h
        data = os.urandom(reply_size - 14 - HDR.size)
        hdr = HDR.pack(b"ATXF", OP_REPLY, 0, seq, 0, reply_size, zlib.crc32(data), crc)
        frame = self.mac + PEER_MAC + struct.pack(">H", ETHERTYPE) + hdr + data
        self.sock.sendto(frame, self.qemu_addr)
        self.good.add(seq)
        self.sizes.add(size)

    def _serve(self):
        while not self.stopping.is_set():
            try:
                frame, _ = self.sock.recvfrom(65536)
            except socket.timeout:
                continue
            except OSError:
                return
            h = self._check(frame)
            if h:
                self._reply(h)

    def finish(self):
        """Stops; None, or why the guest's frames were wrong or too few."""
        want_requests = self.want_requests
        self.stopping.set()
        self.thread.join(2.0)
        self.sock.close()
        if self.bad:
            return "peer: %d bad frames, first: %s" % (len(self.bad), self.bad[0])
        if len(self.good) < want_requests:
            return "peer: %d distinct requests answered, want %d" % (len(self.good),
                                                                    want_requests)
        missing = set(SIZES) - self.sizes
        if want_requests and missing:
            return "peer: no request of %s bytes" % sorted(missing)
        return None

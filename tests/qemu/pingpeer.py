"""The host end of the netstack scenarios (scenarios_netstack.py): a
neighbour on QEMU's `-netdev dgram` (UDP on 127.0.0.1 only, as netpeer.py)
that resolves the guest's address with ARP and pings it, the way a Linux
host on the same Ethernet would, and checks every answer byte by byte:

  peer = PingPeer("virtio-net-pci,addr=0x11", "52:54:00:12:34:56", "10.0.2.15")
  peer.qemu_args; peer.start(); peer.done.wait(); peer.finish()  # None or why

It also sends what must get no answer (a bad IPv4 header checksum, a bad
ICMP checksum, an echo to another address) and fails if any is answered.
The packets are built here with struct, never by the code under test.
"""
import os
import socket
import struct
import threading

from netpeer import dgram_link

PEER_MAC = bytes([0x02, 0, 0, 0, 0, 0x01])
PEER_IP = bytes([10, 0, 2, 2])
BROADCAST = b"\xff" * 6
SIZES = (0, 1, 56, 333, 1000, 1472)    # ICMP data bytes: 1472 fills a 1514-byte frame
ICMP_ID = 0x4154
TRIES = 20
WAIT = 1.0


def checksum(data):
    if len(data) % 2:
        data += b"\0"
    s = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return ~s & 0xffff


def ipv4(src, dst, proto, payload, ident=1):
    hdr = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(payload), ident, 0, 64, proto, 0,
                      src, dst)
    return hdr[:10] + struct.pack("!H", checksum(hdr)) + hdr[12:] + payload


def echo_request(seq, data):
    body = struct.pack("!BBHHH", 8, 0, 0, ICMP_ID, seq) + data
    return body[:2] + struct.pack("!H", checksum(body)) + body[4:]


class PingPeer:
    def __init__(self, device, mac, guest_ip, netdev="n0"):
        self.mac = bytes(int(b, 16) for b in mac.split(":"))
        self.ip = bytes(int(b) for b in guest_ip.split("."))
        self.sock, self.qemu_addr, self.qemu_args = dgram_link(device, mac, netdev, 0.1)
        self.done = threading.Event()
        self.problem = "peer: did not finish"
        self.replies = 0
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.stopping = threading.Event()

    def start(self):
        self.thread.start()

    def _send(self, dst_mac, ethertype, payload):
        frame = dst_mac + PEER_MAC + struct.pack("!H", ethertype) + payload
        self.sock.sendto(frame, self.qemu_addr)

    def _frames(self, seconds):
        """Frames from the guest for up to seconds."""
        end = threading.Event()
        timer = threading.Timer(seconds, end.set)
        timer.start()
        try:
            while not end.is_set() and not self.stopping.is_set():
                try:
                    frame, _ = self.sock.recvfrom(65536)
                except socket.timeout:
                    continue
                yield frame
        finally:
            timer.cancel()

    def _arp(self):
        request = struct.pack("!HHBBH6s4s6s4s", 1, 0x0800, 6, 4, 1, PEER_MAC, PEER_IP,
                              b"\0" * 6, self.ip)
        for _ in range(TRIES * 3):          # the guest may still be booting
            self._send(BROADCAST, 0x0806, request + b"\0" * 18)
            for f in self._frames(WAIT):
                if f[12:14] != b"\x08\x06":
                    continue
                want = (f[0:6], f[6:12], f[14:22], f[22:28], f[28:32], f[32:38], f[38:42])
                good = (PEER_MAC, self.mac, bytes.fromhex("0001080006040002"), self.mac,
                        self.ip, PEER_MAC, PEER_IP)
                if want != good:
                    return "ARP reply wrong: %s" % f[:42].hex()
                if len(f) < 60:
                    return "ARP reply of %d bytes, not padded to 60" % len(f)
                return None
        return "no ARP reply for %s" % socket.inet_ntoa(self.ip)

    def _check_reply(self, f, seq, data):
        if f[0:6] != PEER_MAC or f[6:12] != self.mac or f[12:14] != b"\x08\x00":
            return "echo reply %d: Ethernet header %s" % (seq, f[:14].hex())
        ip = f[14:34]
        if ip[0] != 0x45 or checksum(ip) != 0 or ip[9] != 1:
            return "echo reply %d: IPv4 header %s" % (seq, ip.hex())
        if ip[12:16] != self.ip or ip[16:20] != PEER_IP:
            return "echo reply %d: addresses %s" % (seq, ip[12:20].hex())
        total = struct.unpack("!H", ip[2:4])[0]
        icmp = f[34:14 + total]
        if total != 20 + 8 + len(data) or checksum(icmp) != 0:
            return "echo reply %d: length %d or ICMP checksum wrong" % (seq, total)
        if icmp[0:2] != b"\0\0" or icmp[4:] != struct.pack("!HH", ICMP_ID, seq) + data:
            return "echo reply %d: not our echo back" % seq
        return None

    def _ping(self, seq, data):
        packet = ipv4(PEER_IP, self.ip, 1, echo_request(seq, data), ident=seq)
        for _ in range(TRIES):
            self._send(self.mac, 0x0800, packet)
            for f in self._frames(WAIT):
                if f[12:14] != b"\x08\x00" or len(f) < 42:
                    continue
                got = struct.unpack("!H", f[40:42])[0]
                if 100 <= got < 103:
                    return "an answer to echo %d, which must get none" % got
                if got != seq:
                    continue            # a late answer to an echo sent again
                self.replies += 1
                return self._check_reply(f, seq, data)
        return "no echo reply %d (%d data bytes)" % (seq, len(data))

    def _unanswerable(self):
        """Three echoes that must go unanswered."""
        bad_ip = bytearray(ipv4(PEER_IP, self.ip, 1, echo_request(100, b"x" * 8), ident=100))
        bad_ip[10] ^= 0x5a
        bad_icmp = bytearray(ipv4(PEER_IP, self.ip, 1, echo_request(101, b"y" * 8), ident=101))
        bad_icmp[20 + 8] ^= 0xff
        elsewhere = ipv4(PEER_IP, bytes([10, 0, 2, 99]), 1, echo_request(102, b"z" * 8))
        for p in (bytes(bad_ip), bytes(bad_icmp), elsewhere):
            self._send(self.mac, 0x0800, p)

    def _run(self):
        try:
            why = self._arp()
            for seq, size in enumerate(SIZES):
                if why:
                    break
                why = self._ping(seq + 1, os.urandom(size))
            if not why:
                self._unanswerable()
                why = self._ping(103, b"after the bad ones")
            self.problem = ("peer: " + why) if why else None
        except OSError as e:
            self.problem = "peer: %s" % e
        self.done.set()

    def finish(self):
        self.stopping.set()
        self.thread.join(3.0)
        self.sock.close()
        return self.problem

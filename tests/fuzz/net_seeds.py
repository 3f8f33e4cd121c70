#!/usr/bin/env python3
"""Seed frames for fuzz_net (tests/fuzz/fuzz_net.c), written to DIR: an ARP
request for 10.0.2.15 and an ICMP echo request to it, as a host sends them."""
import os
import struct
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "qemu"))
from pingpeer import PEER_IP, PEER_MAC, echo_request, ipv4  # noqa: E402

OUR_MAC = bytes([0x52, 0x54, 0x00, 0x12, 0x34, 0x56])
OUR_IP = bytes([10, 0, 2, 15])


def main(out):
    os.makedirs(out, exist_ok=True)
    arp = struct.pack("!HHBBH6s4s6s4s", 1, 0x0800, 6, 4, 1, PEER_MAC, PEER_IP, b"\0" * 6, OUR_IP)
    frames = {
        "arp-request": b"\xff" * 6 + PEER_MAC + b"\x08\x06" + arp + b"\0" * 18,
        "ping": OUR_MAC + PEER_MAC + b"\x08\x00" +
                ipv4(PEER_IP, OUR_IP, 1, echo_request(1, bytes(range(56)))),
    }
    for name, frame in frames.items():
        with open(os.path.join(out, name), "wb") as f:
            f.write(frame)


if __name__ == "__main__":
    main(sys.argv[1])

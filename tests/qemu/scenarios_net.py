"""The NIC drivers (drivers/network): e1000 (82540EM, INTx), e1000e
(82574L, MSI-X) and virtio-net, each started by devmgr from its manifest
and driven by the same conformance client (tests/qemu/progs/net-check.c)
against a host peer on QEMU's `-netdev dgram` on 127.0.0.1
(tests/qemu/netpeer.py). One table, one scenario per driver; each shows:

- the MAC the driver reads is the one given to QEMU (the client logs what
  INFO says; the peer sends its replies to that address, unicast, so a
  wrong receive address filter loses them all);
- frames of 60..1514 bytes both ways, byte-exact (CRC-32 of each payload
  checked at the far end, and echoed back);
- QMP set_link off and on reach the client as LINK events;
- devmgr kills the driver; its next generation serves the same client
  (the class client library reconnects) and the exchange goes on;
- no frame is lost on the way: the client never has to send a request
  again ("0 resent"; it would after 3 s without a reply).
"""
from netpeer import NetPeer
from scenarios import DEVMGR, NO_PANIC, contains, devmgr_says, exited, says

ROUNDS = 3
REQUESTS = ROUNDS * 8               # net-check: 8 sizes a round


def client(text):
    return says("net-check.atxf", "net-check: " + text)


def nic_scenario(driver, device, mac, what, extra_args=()):
    inst = "%s.00-11.0" % driver
    prog = "%s.atxf" % driver
    rx_inst = inst.replace(".", r"\.")
    mac_rx = mac.replace(":", ":")
    return dict(
        name="net-%s" % driver, what=what,
        programs=[DEVMGR, "%s=../drivers/%s" % (prog, prog), "net-check.atxf"],
        qemu_args=["-nic", "none"] + list(extra_args),
        peer=lambda: NetPeer(device + ",addr=0x11", mac, want_requests=REQUESTS),
        cfg=["start devmgr.atxf with root bootfs", "start net-check.atxf %s" % driver,
             "exit-with net-check.atxf"],
        qmp=[(r"net-check: waiting for link down$", [("set_link", ("n0", False))]),
             (r"net-check: LINK event: down", [("sleep", (0.2,)), ("set_link", ("n0", True))])],
        expect=[client(r"%s MAC %s mtu 1500 link up$" % (rx_inst, mac_rx)),
                client(r"link up: 8 frames each way, sizes 60\.\.1514, CRCs match$"),
                client(r"waiting for link down$"),
                client(r"LINK event: down; waiting for link up$"),
                client(r"LINK event: up$"),
                client(r"after the link came back: 8 frames each way, .*CRCs match$"),
                client(r"killed pid \d+$"),
                client(r"after the restart: 8 frames each way, .*CRCs match$"),
                client(r"OK: %d exchanges, 0 resent, 1 reconnects$" % REQUESTS),
                exited("net-check.atxf", 0)],
        check=contains(
            says(prog, r"%s: MAC %s, link up, " % (rx_inst, mac_rx)),
            says(prog, r"%s: link down$" % rx_inst),
            says(prog, r"%s: link up$" % rx_inst),
            devmgr_says(r"restarting %s \(%s\) generation 1, " % (driver, rx_inst))),
        forbid=NO_PANIC + [r"FAIL", r"^fault: ", r"^iommu: blocked"],
        exit=0, timeout=240)


SCENARIOS = [
    nic_scenario("e1000", "e1000", "52:54:00:ab:10:0e",
                 "e1000 (82540EM, INTx): MAC from the EEPROM, frames of 60..1514 bytes both "
                 "ways byte-exact, link down/up events, a kill and restart that keeps working"),
    nic_scenario("e1000e", "e1000e", "52:54:00:ab:10:d3",
                 "e1000e (82574L, MSI-X through IVAR): the same family logic, frames, link "
                 "events and restart (the kill comes 50 ms after the last interrupt)"),
    nic_scenario("virtio-net", "virtio-net-pci,disable-legacy=on", "52:54:00:ab:10:41",
                 "virtio-net (modern transport, MSI-X): MAC and link status from the device "
                 "configuration, the same frames, link events and restart"),
]

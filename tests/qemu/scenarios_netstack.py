"""The netstack on each NIC driver: a neighbour on the host (pingpeer.py,
over -netdev dgram on 127.0.0.1) resolves the guest's address with ARP and
pings it with 0 to 1472 bytes of data; every answer is checked byte by byte
on the host, and echoes with a bad IPv4 or ICMP checksum, or to another
address, must go unanswered. The run ends when the peer is done."""
from pingpeer import PingPeer
from scenarios import DEVMGR, NO_PANIC, says

GUEST_IP = "10.0.2.15"


def netstack_scenario(driver, device, mac, what):
    inst = r"%s\.00-11\.0" % driver
    return dict(
        name="netstack-ping-%s" % driver, what=what,
        programs=[DEVMGR, "%s.atxf=../drivers/%s.atxf" % (driver, driver),
                  "netstack.atxf=../services/netstack.atxf"],
        qemu_args=["-nic", "none"],
        peer=lambda: PingPeer(device + ",addr=0x11", mac, GUEST_IP),
        cfg=["start devmgr.atxf with root bootfs",
             "start netstack.atxf %s %s/24" % (driver, GUEST_IP)],
        expect=[says("netstack.atxf", r"netstack: %s up: 10\.0\.2\.15/24, MAC %s, link up$"
                     % (inst, mac)),
                says("netstack.atxf", r"netstack: neighbour 10\.0\.2\.2 is 02:00:00:00:00:01$")],
        forbid=NO_PANIC + [r"^fault: ", r"netstack\.atxf pid \d+ exited"],
        exit=None, timeout=180)


SCENARIOS = [
    netstack_scenario("virtio-net", "virtio-net-pci,disable-legacy=on", "52:54:00:ab:20:41",
                      "netstack on virtio-net: the host's ARP request answered, pings of "
                      "0..1472 data bytes echoed byte-exact, bad checksums and other "
                      "addresses unanswered"),
    netstack_scenario("e1000", "e1000", "52:54:00:ab:20:0e",
                      "netstack on e1000: the same ARP, pings and refusals"),
]

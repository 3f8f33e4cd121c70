"""Death notices: the kernel tells a process that a port it holds lost its
receiver (SYS_PORT_WATCH). Child-ended notices (SYS_PROC_WATCH) are what
init and devmgr wait on instead of polling, so every scenario that sees a
program's exit or a driver's restart relies on them already.
"""
from scenarios import NO_PANIC, exited, says

SCENARIOS = [
    dict(name="port-watch",
         what="a watch on a server's port fires when the server ends, at once on a dead "
              "port; bad watches refused; 64 per process, freed when they fire",
         programs=["ipc-pong.atxf", "watcher.atxf"],
         cfg=["start ipc-pong.atxf", "start watcher.atxf", "exit-with watcher.atxf"],
         expect=[says("watcher.atxf", r"watcher: no notice while pong runs$"),
                 says("watcher.atxf", r"watcher: notice after pong stopped: bits 0x20$"),
                 says("watcher.atxf", r"watcher: a watch on a dead port fires at once$"),
                 says("watcher.atxf", r"watcher: refused: a port watching itself, no bits$"),
                 says("watcher.atxf", r"watcher: 64 watches taken, the 65th refused: "
                      r"no space left$"),
                 says("watcher.atxf", r"watcher: closing the port fired them all, and 64 "
                      r"were taken again$"),
                 exited("watcher.atxf", 0)],
         forbid=NO_PANIC + [r"FAIL"], exit=0),
]

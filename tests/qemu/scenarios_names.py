"""Lookups that wait (LOOKUP_WAIT): the name service holds a lookup of a
missing name and answers it when the name is registered, or when the wait
is over. One request each: init logs the wait and its end, and nothing in
between (no client asks again and again).
"""
from scenarios import NO_PANIC, contains, exited, says

SCENARIOS = [
    dict(name="names-wait",
         what="a lookup of a missing name waits in the name service: answered when the name "
              "is registered, ENOENT when its wait is over",
         programs=["name-waiter.atxf", "publisher.atxf=name-waiter.atxf"],
         cfg=["start publisher.atxf publish late 400",
              "start name-waiter.atxf wait gone 200 late 10000",
              "exit-with name-waiter.atxf"],
         # init's lines in order (one process); the waiter's in any order
         # with them, since init may log after its answer arrives.
         expect=[says("init.atxf", r"names: gone: pid \d+ waits for it \(up to (19\d|200) ms\)$"),
                 says("init.atxf", r"names: gone: pid \d+'s wait is over, still missing$"),
                 says("init.atxf", r"names: late: pid \d+ waits for it \(up to \d+ ms\)$"),
                 says("init.atxf", r"names: late -> pid \d+$"),
                 says("init.atxf", r"names: late: pid \d+'s wait answered$"),
                 exited("name-waiter.atxf", 0)],
         check=contains(
             says("name-waiter.atxf",
                  r"name-waiter: gone missing after (19\d|[2-9]\d\d|\d{4,}) ms: no such name"),
             says("name-waiter.atxf", r"name-waiter: late found after \d+ ms$")),
         forbid=NO_PANIC + [r"FAIL"], exit=0),
]

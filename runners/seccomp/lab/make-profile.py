#!/usr/bin/env python3
"""Builds runners/seccomp/edc.json from Docker's default seccomp profile.

    make-profile.py DOCKER_DEFAULT_JSON > ../edc.json
    make-profile.py --no-inet DOCKER_DEFAULT_JSON > ../edc-noinet.json

DOCKER_DEFAULT_JSON is profiles/seccomp/default.json of the engine in use (20.10.24: Debian's
golang-github-docker-docker-dev 20.10.24+dfsg1 ships it under
/usr/share/gocode/src/github.com/docker/docker/). EDC's profile is that profile with:
  - kernel AIO and io_uring denied with ENOSYS (finding 1),
  - memfd_create and memfd_secret denied with ENOSYS (finding 4),
  - ptrace denied with EPERM (Docker allows it on kernels >= 4.8),
  - socket() only for AF_UNIX, AF_INET, AF_INET6 and AF_NETLINK/NETLINK_ROUTE (EPERM otherwise:
    no AF_VSOCK to the hypervisor, no module autoloading of rare families).
--no-inet also refuses AF_INET and AF_INET6 sockets (EAFNOSUPPORT, as from a kernel without
them): on cgroup v1, TCP buffers over loopback are not charged to the container's memory limit.
See ../NOTES.md for the reasons and the measurements.
"""
import json
import sys

ENOSYS, EPERM, EAFNOSUPPORT = 38, 1, 97
AF_UNIX, AF_INET, AF_INET6, AF_NETLINK, NETLINK_ROUTE = 1, 2, 10, 16, 0

ENOSYS_DENIED = {
    "io_uring_setup": "io_uring: host-wide attack surface, kernel workers; no runtime needs it (libuv falls back)",
    "io_uring_enter": None,
    "io_uring_register": None,
    "io_setup": "kernel AIO: io_setup takes events from the host-wide fs.aio-max-nr pool",
    "io_submit": None,
    "io_getevents": None,
    "io_pgetevents": None,
    "io_cancel": None,
    "io_destroy": None,
    "memfd_create": "an executable file outside the noexec /tmp; the runtimes fall back without it",
    "memfd_secret": "unswappable, unmapped-from-kernel memory; nothing needs it",
}
EPERM_DENIED = {"ptrace"}
FILTERED = {"socket"}


def main():
    no_inet = "--no-inet" in sys.argv[1:]
    args = [a for a in sys.argv[1:] if a != "--no-inet"]
    with open(args[0]) as f:
        profile = json.load(f)
    assert profile["defaultAction"] == "SCMP_ACT_ERRNO", "expected a deny-by-default profile"
    removed = set(ENOSYS_DENIED) | EPERM_DENIED | FILTERED
    rules = []
    for rule in profile["syscalls"]:
        unconditional = not rule.get("includes", {}).get("caps") and not rule.get("excludes", {}).get("caps")
        if rule["action"] == "SCMP_ACT_ALLOW" and unconditional:
            kept = [n for n in rule["names"] if n not in removed]
            if not kept:
                continue                      # e.g. Docker's "ptrace on kernels >= 4.8"
            rule = dict(rule, names=kept)
        rules.append(rule)
    names = sorted(ENOSYS_DENIED)
    rules.append({
        "names": names,
        "action": "SCMP_ACT_ERRNO",
        "errnoRet": ENOSYS,
        "args": [],
        "comment": "EDC: kernel AIO (host-wide fs.aio-max-nr), io_uring, memfd_create (exec outside "
                   "noexec /tmp), memfd_secret. ENOSYS, as from a kernel built without them: "
                   "callers take their fallback.",
        "includes": {},
        "excludes": {},
    })
    rules.append({
        "names": sorted(EPERM_DENIED),
        "action": "SCMP_ACT_ERRNO",
        "errnoRet": EPERM,
        "args": [],
        "comment": "EDC: no debugging of other processes (Docker allows ptrace on kernels >= 4.8)",
        "includes": {},
        "excludes": {"caps": ["CAP_SYS_PTRACE"]},
    })
    for family in (AF_UNIX,) if no_inet else (AF_UNIX, AF_INET, AF_INET6):
        rules.append({
            "names": ["socket"],
            "action": "SCMP_ACT_ALLOW",
            "args": [{"index": 0, "value": family, "valueTwo": 0, "op": "SCMP_CMP_EQ"}],
            "comment": "EDC: socket() for AF_UNIX, AF_INET, AF_INET6 only (and NETLINK_ROUTE below)",
            "includes": {},
            "excludes": {},
        })
    rules.append({
        "names": ["socket"],
        "action": "SCMP_ACT_ALLOW",
        "args": [{"index": 0, "value": AF_NETLINK, "valueTwo": 0, "op": "SCMP_CMP_EQ"},
                 {"index": 2, "value": NETLINK_ROUTE, "valueTwo": 0, "op": "SCMP_CMP_EQ"}],
        "comment": "EDC: getifaddrs / getaddrinfo(AI_ADDRCONFIG) / interface lists need NETLINK_ROUTE",
        "includes": {},
        "excludes": {},
    })
    if no_inet:
        for family in (AF_INET, AF_INET6):
            rules.append({
                "names": ["socket"],
                "action": "SCMP_ACT_ERRNO",
                "errnoRet": EAFNOSUPPORT,
                "args": [{"index": 0, "value": family, "valueTwo": 0, "op": "SCMP_CMP_EQ"}],
                "comment": "EDC (no-inet variant): no IPv4/IPv6 sockets, not even on loopback: on cgroup v1 "
                           "their buffers escape the memory limit",
                "includes": {},
                "excludes": {},
            })
    json.dump(profile | {"syscalls": rules}, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()

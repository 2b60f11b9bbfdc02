"""A misbehaving parser for the safeparse tests: eats memory or CPU under the same limits."""

import sys

from talentbrug.core.safeparse import limited_input

if __name__ == "__main__":
    header, content = limited_input()
    if content == b"memory":
        hoard = [bytearray(50 * 1024 * 1024) for _ in range(100)]  # 5 GB
    else:
        while True:  # spin until RLIMIT_CPU stops us
            pass
    sys.exit(0)

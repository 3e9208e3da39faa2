"""The few parts of CBOR (RFC 8949) a Pagefind index is written in, read and written in place.

A merge (``pagefindindex``) moves a shard's encoded entries into the whole index without
decoding them: these read one head (an integer, a length) at a time and step over runs of
integers, and write the heads of the arrays and strings around them. Anything else
(floats, maps, indefinite lengths) is ``UnknownIndex``: a layout the merge leaves to one
Pagefind run.
"""

from __future__ import annotations


class UnknownIndex(Exception):
    """An index this module cannot merge: another layout, filters, sorts, languages."""


def skip_ints(data: bytes, i: int, count: int) -> int:
    for _ in range(count):
        byte = data[i]
        if byte >> 6:  # major type 2 or above: not an integer
            raise UnknownIndex(f"not an integer at byte {i}")
        info = byte & 31
        i += 1 if info < 24 else 1 + (1 << (info - 24))
    return i


def read_head(data: bytes, i: int, major: int) -> tuple[int, int]:
    """The argument of the head at ``i`` (an array's length, an unsigned integer), which
    must be of type ``major``, and where the next item starts."""
    byte = data[i]
    if byte >> 5 != major:
        raise UnknownIndex(f"CBOR type {byte >> 5} at byte {i}, expected {major}")
    info = byte & 31
    if info < 24:
        return info, i + 1
    if info > 27:
        raise UnknownIndex(f"indefinite length at byte {i}")
    size = 1 << (info - 24)
    return int.from_bytes(data[i + 1 : i + 1 + size], "big"), i + 1 + size


def expect(data: bytes, i: int, major: int, value: int) -> int:
    found, i = read_head(data, i, major)
    if found != value:
        raise UnknownIndex(f"array of {found} at byte {i}, expected {value}")
    return i


def read_text(data: bytes, i: int) -> tuple[str, int]:
    length, i = read_head(data, i, 3)
    return data[i : i + length].decode("utf-8"), i + length


def read_item(data: bytes, i: int) -> tuple[object, int]:
    major = data[i] >> 5
    value, i = read_head(data, i, major)
    if major == 0:
        return value, i
    if major == 1:
        return -1 - value, i
    if major == 3:
        return data[i : i + value].decode("utf-8"), i + value
    if major == 4:
        items = []
        for _ in range(value):
            item, i = read_item(data, i)
            items.append(item)
        return items, i
    raise UnknownIndex(f"CBOR type {major} in the meta index")


def write_head(major: int, value: int) -> bytes:
    if value < 24:
        return bytes([major << 5 | value])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if value < 1 << (8 * size):
            return bytes([major << 5 | info]) + value.to_bytes(size, "big")
    raise ValueError(f"{value} does not fit in CBOR")


def array(length: int) -> bytes:
    return write_head(4, length)


def text(value: str) -> bytes:
    data = value.encode("utf-8")
    return write_head(3, len(data)) + data

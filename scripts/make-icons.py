#!/usr/bin/env python3
"""Draws the app icons (www/icons/*.png) with the standard library only.

    python3 scripts/make-icons.py

The icon: a report page with table rows and a check mark, on the app's dark red. Three files:
icon-192.png and icon-512.png ("any": the picture fills the square with rounded corners) and
icon-maskable-512.png (full-bleed background, the picture inside the central 80 % safe zone,
so that a launcher may cut it to a circle or a squircle). The PNGs are committed; run this
again only to change the design.
"""

import os
import struct
import zlib

RED = (168, 32, 38)
WHITE = (255, 255, 255)
GREY = (200, 205, 212)
GREEN = (30, 142, 62)
CLEAR = None


def png(path, size, pixel):
    rows = []
    for y in range(size):
        row = bytearray([0])
        for x in range(size):
            c = pixel(x + 0.5, y + 0.5)
            row += bytes((0, 0, 0, 0)) if c is None else bytes((*c, 255))
        rows.append(bytes(row))
    raw = b"".join(rows)

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    data = b"\x89PNG\r\n\x1a\n"
    data += chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0))
    data += chunk(b"IDAT", zlib.compress(raw, 9))
    data += chunk(b"IEND", b"")
    with open(path, "wb") as f:
        f.write(data)


def in_round_rect(x, y, x0, y0, x1, y1, r):
    if not (x0 <= x <= x1 and y0 <= y <= y1):
        return False
    cx = min(max(x, x0 + r), x1 - r)
    cy = min(max(y, y0 + r), y1 - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r


def near_segment(x, y, ax, ay, bx, by, w):
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)))
    px, py = ax + t * dx, ay + t * dy
    return (x - px) ** 2 + (y - py) ** 2 <= w * w


def picture(u, v):
    """The design on the unit square (u, v in 0..1); None where the background shows."""
    # The page.
    if in_round_rect(u, v, 0.24, 0.16, 0.76, 0.84, 0.04):
        # Check mark, lower right, over the page.
        if near_segment(u, v, 0.44, 0.64, 0.53, 0.73, 0.035) or near_segment(u, v, 0.53, 0.73, 0.70, 0.52, 0.035):
            return GREEN
        # Table rows: grey bars.
        for top in (0.26, 0.36, 0.46):
            if 0.32 <= u <= 0.68 and top <= v <= top + 0.05:
                return GREY
        return WHITE
    return None


def icon_any(size):
    def pixel(x, y):
        u, v = x / size, y / size
        if not in_round_rect(u, v, 0.0, 0.0, 1.0, 1.0, 0.18):
            return CLEAR
        return picture(u, v) or RED

    return pixel


def icon_maskable(size):
    def pixel(x, y):
        u, v = x / size, y / size
        # The picture scaled into the central 80 % (the safe zone is a circle of radius 40 %).
        pu, pv = (u - 0.1) / 0.8, (v - 0.1) / 0.8
        return picture(pu, pv) or RED

    return pixel


def main():
    out = os.path.join(os.path.dirname(__file__), "..", "www", "icons")
    os.makedirs(out, exist_ok=True)
    png(os.path.join(out, "icon-192.png"), 192, icon_any(192))
    png(os.path.join(out, "icon-512.png"), 512, icon_any(512))
    png(os.path.join(out, "icon-maskable-512.png"), 512, icon_maskable(512))


if __name__ == "__main__":
    main()

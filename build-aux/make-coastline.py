#!/usr/bin/env python3
# make-coastline.py
#
# Copyright 2026 The Nichiro authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Makes data/map/coastline.bin, the coastline the frontier map draws, from
# GSHHG (the Global Self-consistent, Hierarchical, High-resolution
# Geography database, LGPL-3.0-or-later) with GMT:
#
#   build-aux/make-coastline.py [--check] [OUTPUT]
#
# Needs Debian's gmt and gmt-gshhg packages (apt-get install gmt gmt-gshhg).
# The build never runs it: its output is committed, so neither the build
# nor the Flatpak needs GMT. --check makes the file again in memory and
# exits 1 if it differs from the committed one.
#
# What it does: `gmt coast -M -W` dumps the shorelines of the land (GSHHG
# level 1) in the region, cut into the pieces of GSHHG's 5-degree bins; the
# pieces are joined end to end into rings, those cut by the region's edge
# are closed along it (land is on the left of a shoreline, so the edge is
# followed anticlockwise), each ring is simplified (Douglas-Peucker) and
# its points are rounded to 1/10000 of a degree. HACKING.md ("The coastline
# asset") describes the file.

import argparse
import subprocess
import sys
import tempfile
from collections import defaultdict

WEST, EAST, SOUTH, NORTH = 139, 163, 41, 56
RESOLUTION = 'f'          # GSHHG's full resolution, then simplified
MIN_AREA_KM2 = 0.5        # islands smaller than this are left out
TOLERANCE = 0.002         # degrees: about 200 m, under a pixel at the map's deepest zoom
UNIT = 10000              # points are stored in 1/UNIT of a degree
MAGIC = 'Nichiro coastline 1'


def gmt_command ():
    return ['gmt', 'coast', f'-R{WEST}/{EAST}/{SOUTH}/{NORTH}', f'-D{RESOLUTION}',
            '-W', '-M', f'-A{MIN_AREA_KM2}/1/1', '--FORMAT_FLOAT_OUT=%.7f']


def read_pieces ():
    # GMT leaves a gmt.history where it runs: not in the source tree.
    with tempfile.TemporaryDirectory() as scratch:
        out = subprocess.run(gmt_command(), capture_output=True, text=True, check=True, cwd=scratch).stdout
    pieces, piece = [], None
    for line in out.splitlines():
        if line.startswith('>'):
            piece = []
            pieces.append(piece)
            continue
        x, y = line.split()[:2]
        piece.append((x, y))   # kept as text, so that joins are exact
    return [p for p in pieces if len(p) >= 2]


def join (pieces):
    """Joins pieces whose ends meet, until every chain is a ring or ends on
    the region's edge."""
    chains = [list(p) for p in pieces]
    while True:
        by_start = defaultdict(list)
        for i, chain in enumerate(chains):
            if chain[0] != chain[-1]:
                by_start[chain[0]].append(i)
        merged = False
        for i, chain in enumerate(chains):
            if chain is None or chain[0] == chain[-1]:
                continue
            for j in by_start.get(chain[-1], []):
                if j != i and chains[j] is not None:
                    chain.extend(chains[j][1:])
                    chains[j] = None
                    merged = True
                    break
        chains = [c for c in chains if c is not None]
        if not merged:
            return chains


def edge_position (point):
    """Where a point on the region's edge lies along it, anticlockwise from
    the south-west corner: south edge, east edge, north edge, west edge."""
    x, y = point
    w, h = EAST - WEST, NORTH - SOUTH
    if y == SOUTH:
        return x - WEST
    if x == EAST:
        return w + (y - SOUTH)
    if y == NORTH:
        return w + h + (EAST - x)
    if x == WEST:
        return 2 * w + h + (NORTH - y)
    raise ValueError(f'{point} is not on the region\'s edge')


def close_along_edge (chains):
    """Closes the chains that the region cuts: from where one leaves the
    region, the edge is followed anticlockwise to where the next enters."""
    rings = [[(float(x), float(y)) for x, y in c] for c in chains if c[0] == c[-1]]
    remaining = [[(float(x), float(y)) for x, y in c] for c in chains if c[0] != c[-1]]
    w, h = EAST - WEST, NORTH - SOUTH
    perimeter = 2 * (w + h)
    corners = [(w, (EAST, SOUTH)), (w + h, (EAST, NORTH)), (2 * w + h, (WEST, NORTH)), (0, (WEST, SOUTH))]
    while remaining:
        ring = remaining.pop(0)
        while True:
            leave = edge_position(ring[-1])
            # The nearest start anticlockwise from here: another chain's, or this ring's own.
            ahead = [((edge_position(c[0]) - leave) % perimeter, k) for k, c in enumerate(remaining)]
            ahead.append(((edge_position(ring[0]) - leave) % perimeter, -1))
            distance, k = min(ahead)
            passed = sorted(((at - leave) % perimeter, corner) for at, corner in corners)
            ring.extend(corner for d, corner in passed if 0 < d < distance)
            if k == -1:
                ring.append(ring[0])
                break
            ring.extend(remaining.pop(k))
        rings.append(ring)
    return rings


def signed_area (ring):
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:])) / 2


def douglas_peucker (points, tolerance):
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        a, b = stack.pop()
        (ax, ay), (bx, by) = points[a], points[b]
        dx, dy = bx - ax, by - ay
        length = (dx * dx + dy * dy) ** 0.5
        best, best_i = -1.0, -1
        for i in range(a + 1, b):
            px, py = points[i]
            if length == 0:
                d = ((px - ax) ** 2 + (py - ay) ** 2) ** 0.5
            else:
                d = abs(dx * (ay - py) - dy * (ax - px)) / length
            if d > best:
                best, best_i = d, i
        if best > tolerance:
            keep[best_i] = True
            stack += [(a, best_i), (best_i, b)]
    return [p for p, k in zip(points, keep) if k]


def simplify (ring):
    """Simplifies a closed ring, split at the point farthest from its start
    so that neither half is degenerate. A ring too small to keep four
    corners at the tolerance is simplified less."""
    far = max(range(len(ring)), key=lambda i: (ring[i][0] - ring[0][0]) ** 2 + (ring[i][1] - ring[0][1]) ** 2)
    tolerance = TOLERANCE
    while True:
        result = douglas_peucker(ring[:far + 1], tolerance) + douglas_peucker(ring[far:], tolerance)[1:]
        if len(result) >= 5 or len(result) == len(ring):
            return result
        tolerance /= 2


def quantize (ring):
    points = []
    for x, y in ring:
        q = (round((x - WEST) * UNIT), round((y - SOUTH) * UNIT))
        if not points or points[-1] != q:
            points.append(q)
    if points[0] == points[-1]:
        points.pop()    # the file's rings are closed implicitly
    return points


def varint (value):
    out = bytearray()
    while True:
        byte = value & 0x7f
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def zigzag (value):
    return (value << 1) if value >= 0 else ((-value << 1) - 1)


def package_version (package):
    try:
        return subprocess.run(['dpkg-query', '-W', '-f=${Version}', package],
                              capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return 'unknown'


def make ():
    rings = close_along_edge(join(read_pieces()))
    for ring in rings:
        if signed_area(ring) < 0:
            sys.exit(f'make-coastline: a ring starting at {ring[0]} runs clockwise: '
                     'GSHHG shorelines should keep the land on their left')
    rings = [quantize(simplify(r)) for r in rings]
    rings = [r for r in rings if len(r) >= 3]
    # Largest first: the mainland and the big islands are drawn first.
    rings.sort(key=lambda r: (-abs(signed_area(r + r[:1])), r[0]))

    gmt_version = subprocess.run(['gmt', '--version'], capture_output=True, text=True, check=True).stdout.strip()
    header = [
        MAGIC,
        f'region: {WEST} {EAST} {SOUTH} {NORTH}',
        f'unit: {UNIT}',
        f'rings: {len(rings)}',
        f'points: {sum(len(r) for r in rings)}',
        'source: GSHHG 2.3.7, Global Self-consistent, Hierarchical, High-resolution Geography Database, '
        'by Paul Wessel and Walter H. F. Smith, https://www.soest.hawaii.edu/pwessel/gshhg/',
        'license: LGPL-3.0-or-later',
        f'made-with: build-aux/make-coastline.py; GMT {gmt_version}, Debian gmt-gshhg-full '
        f'{package_version("gmt-gshhg-full")}: {" ".join(gmt_command()[1:-1])}; '
        f'Douglas-Peucker {TOLERANCE} degree',
    ]
    body = bytearray()
    for ring in rings:
        body += varint(len(ring))
        px, py = 0, 0
        for x, y in ring:
            body += varint(zigzag(x - px)) + varint(zigzag(y - py))
            px, py = x, y
    return ('\n'.join(header) + '\n\n').encode('utf-8') + bytes(body)


def main ():
    parser = argparse.ArgumentParser(description='Make the frontier map\'s coastline from GSHHG.')
    parser.add_argument('--check', action='store_true', help='compare with OUTPUT instead of writing it')
    parser.add_argument('output', nargs='?', default='data/map/coastline.bin')
    args = parser.parse_args()

    data = make()
    if args.check:
        with open(args.output, 'rb') as f:
            same = f.read() == data
        print(f'{args.output}: {"as made" if same else "differs from what GMT makes now"}')
        return 0 if same else 1
    with open(args.output, 'wb') as f:
        f.write(data)
    print(f'{args.output}: {len(data)} bytes')
    return 0


if __name__ == '__main__':
    sys.exit(main())

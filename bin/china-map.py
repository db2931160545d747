#!/usr/bin/env python3
"""Derives src/main/resources/map/china-provinces.json from the npm package echarts 4.9.0
(Apache-2.0): map/json/china.json, the provinces of China with their adcodes, in ECharts'
compressed encoding, and the South China Sea islands inset that ECharts adds to that map
(lib/coord/geo/fix/nanhai.js). The output holds one SVG path per province, projected and rounded,
so the server draws the map without decoding anything.

    npm pack echarts@4.9.0 && tar xzf echarts-4.9.0.tgz
    python3 bin/china-map.py package > src/main/resources/map/china-provinces.json
"""
import json
import math
import sys

LON0, LAT1 = 73.0, 54.0       # the map's west and north edges
ASPECT = 0.75                  # ECharts' aspectScale for China: longitude degrees drawn 0.75 wide
SCALE = 16.0                   # SVG units per degree of latitude

# ECharts' own inset for the South China Sea islands (lib/coord/geo/fix/nanhai.js), in its units
NANHAI_ORIGIN = (126, 25)
NANHAI = [[[0, 3.5], [7, 11.2], [15, 11.9], [30, 7], [42, 0.7], [52, 0.7], [56, 7.7], [59, 0.7], [64, 0.7], [64, 0], [5, 0], [0, 3.5]], [[13, 16.1], [19, 14.7], [16, 21.7], [11, 23.1], [13, 16.1]], [[12, 32.2], [14, 38.5], [15, 38.5], [13, 32.2], [12, 32.2]], [[16, 47.6], [12, 53.2], [13, 53.2], [18, 47.6], [16, 47.6]], [[6, 64.4], [8, 70], [9, 70], [8, 64.4], [6, 64.4]], [[23, 82.6], [29, 79.8], [30, 79.8], [25, 82.6], [23, 82.6]], [[37, 70.7], [43, 62.3], [44, 62.3], [39, 70.7], [37, 70.7]], [[48, 51.1], [51, 45.5], [53, 45.5], [50, 51.1], [48, 51.1]], [[51, 35], [51, 28.7], [53, 28.7], [53, 35], [51, 35]], [[52, 22.4], [55, 17.5], [56, 17.5], [53, 22.4], [52, 22.4]], [[58, 12.6], [62, 7], [63, 7], [60, 12.6], [58, 12.6]], [[0, 3.5], [0, 93.1], [64, 93.1], [64, 0], [63, 0], [63, 92.4], [1, 92.4], [1, 3.5], [0, 3.5]]]


def decode_ring(text, offset, scale=1024):
    """ECharts' decodePolygon: zigzag-encoded deltas, two characters a point."""
    points, x0, y0 = [], offset[0], offset[1]
    for i in range(0, len(text), 2):
        x = ord(text[i]) - 64
        y = ord(text[i + 1]) - 64
        x = (x >> 1) ^ (-(x & 1))
        y = (y >> 1) ^ (-(y & 1))
        x0 += x
        y0 += y
        points.append((x0 / scale, y0 / scale))
    return points


def project(lon, lat):
    return ((lon - LON0) * ASPECT * SCALE, (LAT1 - lat) * SCALE)


TOLERANCE = 0.8               # SVG units a simplified outline may stray (about 6 km)


def simplify(points, tolerance):
    """Douglas-Peucker: the fewest points that keep the outline within the tolerance."""
    if len(points) < 3:
        return points
    (x1, y1), (x2, y2) = points[0], points[-1]
    dx, dy = x2 - x1, y2 - y1
    length = math.hypot(dx, dy)
    far, index = 0.0, 0
    for i in range(1, len(points) - 1):
        x, y = points[i]
        d = abs(dy * x - dx * y + x2 * y1 - y2 * x1) / length if length else math.hypot(x - x1, y - y1)
        if d > far:
            far, index = d, i
    if far <= tolerance:
        return [points[0], points[-1]]
    return simplify(points[:index + 1], tolerance)[:-1] + simplify(points[index:], tolerance)


def path(rings, tolerance=TOLERANCE):
    parts = []
    for ring in rings:
        projected = [project(lon, lat) for lon, lat in ring]
        pts, last = [], None
        for x, y in simplify(projected, tolerance):
            p = (round(x), round(y))
            if p != last:
                pts.append(p)
                last = p
        if len(pts) >= 3:
            parts.append("M" + "L".join("%d %d" % p for p in pts) + "Z")
        elif projected:
            # an island smaller than the tolerance: a dot, so that it still shows
            x, y = projected[0]
            parts.append("M%d %dh1v1h-1Z" % (round(x), round(y)))
    return "".join(parts)


def main(package):
    data = json.load(open(package + "/map/json/china.json", encoding="utf-8"))
    provinces = []
    for feature in data["features"]:
        g = feature["geometry"]
        rings = []
        if g["type"] == "Polygon":
            rings = [decode_ring(r, o) for r, o in zip(g["coordinates"], g["encodeOffsets"])]
        else:
            for polygon, offsets in zip(g["coordinates"], g["encodeOffsets"]):
                rings += [decode_ring(r, o) for r, o in zip(polygon, offsets)]
        cx, cy = project(*feature["properties"]["cp"])
        provinces.append({"code": feature["id"], "name": feature["properties"]["name"],
                          "path": path(rings), "x": round(cx, 1), "y": round(cy, 1)})
    inset = [[(NANHAI_ORIGIN[0] + x / 10.5, NANHAI_ORIGIN[1] - y / (10.5 / 0.75)) for x, y in ring] for ring in NANHAI]
    inset_path = path(inset, 0.1)
    width, height = project(135.5, 17)   # the inset reaches down to about 18°N
    json.dump({"source": "echarts 4.9.0 map/json/china.json and lib/coord/geo/fix/nanhai.js, Apache-2.0",
               "projection": {"west": LON0, "north": LAT1, "aspect": ASPECT, "scale": SCALE},
               "width": round(width), "height": round(height), "nanhai": inset_path, "provinces": provinces},
              sys.stdout, ensure_ascii=False, separators=(",", ":"))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "package")

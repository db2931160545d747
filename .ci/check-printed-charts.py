#!/usr/bin/env python3
"""Checks that the charts of a workbook show their bars once printed.

Usage: check-printed-charts.py WORKBOOK.xlsx PRINTED.pdf

PRINTED.pdf is the workbook as LibreOffice printed it. Every bar series of every chart in the
workbook must have an explicit solid fill: LibreOffice draws a series without one as nothing at
all. Then the PDF's pages are rendered (pdftoppm, 40 dpi) and at least as many pages as the
workbook has charts must show that colour: each chart lies on a sheet of its own, so on a page
of its own. Exits 1 with a message otherwise. A workbook without charts passes unrendered.
Standard library only, besides pdftoppm.
"""
import glob
import os
import re
import subprocess
import sys
import tempfile
import zipfile

# how far a rendered pixel may stray from the fill, per channel (PDF renderers round colours)
TOLERANCE = 6
# a page shows bars when this many pixels have their colour: more than a stray antialiased edge
MIN_PIXELS = 40


def chart_colours(workbook):
    """The fill colours of the workbook's bar series, and how many charts it has."""
    colours = set()
    with zipfile.ZipFile(workbook) as archive:
        charts = [name for name in archive.namelist() if re.fullmatch(r"xl/charts/chart\d+\.xml", name)]
        for name in charts:
            xml = archive.read(name).decode("utf-8")
            for series in re.findall(r"<c:ser>.*?</c:ser>", xml, re.S):
                fill = re.search(r"<c:spPr><a:solidFill><a:srgbClr val=\"([0-9A-Fa-f]{6})\"", series)
                if not fill:
                    sys.exit(f"{workbook}: a series of {name} has no explicit solid fill; LibreOffice draws no bars")
                colours.add(tuple(int(fill.group(1)[i:i + 2], 16) for i in (0, 2, 4)))
    return colours, len(charts)


def read_ppm(path):
    """Width, height and RGB bytes of a binary PPM (P6, 8 bits) as pdftoppm writes it."""
    with open(path, "rb") as f:
        data = f.read()
    fields = []
    position = 0
    while len(fields) < 4:
        while data[position:position + 1].isspace():
            position += 1
        if data[position:position + 1] == b"#":
            position = data.index(b"\n", position) + 1
            continue
        end = position
        while not data[end:end + 1].isspace():
            end += 1
        fields.append(data[position:end])
        position = end
    if fields[0] != b"P6" or fields[3] != b"255":
        sys.exit(f"{path}: not an 8-bit binary PPM")
    width, height = int(fields[1]), int(fields[2])
    return width, height, data[position + 1:position + 1 + width * height * 3]


def pixels_of(colours, pixels):
    count = 0
    for i in range(0, len(pixels), 3):
        r, g, b = pixels[i], pixels[i + 1], pixels[i + 2]
        for cr, cg, cb in colours:
            if abs(r - cr) <= TOLERANCE and abs(g - cg) <= TOLERANCE and abs(b - cb) <= TOLERANCE:
                count += 1
                break
    return count


def main(arguments):
    if len(arguments) != 2:
        sys.exit(__doc__)
    workbook, pdf = arguments
    colours, charts = chart_colours(workbook)
    if charts == 0:
        return
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(["pdftoppm", "-r", "40", pdf, os.path.join(folder, "page")], check=True)
        pages = sorted(glob.glob(os.path.join(folder, "page-*.ppm")))
        showing = [page for page in pages if pixels_of(colours, read_ppm(page)[2]) >= MIN_PIXELS]
    wanted = ", ".join("#%02X%02X%02X" % colour for colour in sorted(colours))
    if len(showing) < charts:
        sys.exit(f"{workbook}: {charts} charts, but only {len(showing)} of {len(pages)} printed pages "
                 f"show their bars ({wanted})")
    print(f"{workbook}: {charts} charts, their bars ({wanted}) on {len(showing)} of {len(pages)} printed pages")


if __name__ == "__main__":
    main(sys.argv[1:])

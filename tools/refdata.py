# SPDX-License-Identifier: MIT
"""refdata.py: what the generators of data/ share: reading Unicode CLDR,
tidying names, and writing a CSV file atomically (RFC 4180, "\\n")."""

import csv
import os
import sys
import xml.etree.ElementTree as ET

CLDR_MAIN = "/usr/share/unicode/cldr/common/main/%s.xml"


def die(msg, code=1):
    sys.stderr.write("%s: %s\n" % (os.path.basename(sys.argv[0]), msg))
    sys.exit(code)


def clean(s):
    """One line, single spaces; CLDR's zero-width spaces out, typographic
    apostrophes as the ASCII one that iso-codes uses."""
    s = (s or "").replace("\u200b", "").replace("\u2019", "'")
    return " ".join(s.split())


def cldr_main(lang):
    """The root element of CLDR's main/LANG.xml."""
    path = CLDR_MAIN % lang
    try:
        return ET.parse(path).getroot()
    except OSError as e:
        die("%s: %s (install the unicode-cldr-core package)" % (path, e.strerror), 66)


def write_csv(path, header, rows):
    """Write header and rows to path, or to standard output when path is None."""
    if path is None:
        out = open(sys.stdout.fileno(), "w", encoding="utf-8", newline="", closefd=False)
        w = csv.writer(out, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)
        out.flush()
        return
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)
    os.replace(tmp, path)

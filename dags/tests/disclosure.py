"""An attacker of suppressed counts, as an analyst could be: from the cells a user sees (NULL where
suppressed) and the sums they obey, work out every suppressed count that can be worked out.

- The rate attack: a rate published beside a suppressed count gives the count back
  (incidence_rate × rural_population / 100, exited_monitored_rate × exited_households / 100).
- Differencing, in full: each region's count is the sum of its child regions' counts, and monitored
  households the sum of the three monitoring types. Every suppressed count is an unknown, every sum
  an equation; exact linear algebra (fractions) finds each unknown the equations fix, whatever the
  others are. A published total of 0 also fixes every count under it at 0 (counts are not
  negative): that is what the total says, so those are given, not recovered.

`recover` returns {(period, region, measure): value} of what it worked out; a leak is a recovered
value that is the true one.
"""

from __future__ import annotations

from collections import defaultdict
from fractions import Fraction

ROW_SUMS = [("monitored_households", ("unstable_households", "edge_households", "hardship_households"))]


def cells_of(rows: list[dict], region_column: str, counts: list[str]) -> dict:
    """{(period, region, measure): value or None} of a relation's rows."""
    cells = {}
    for row in rows:
        for measure in counts:
            cells[(str(row["period"]), row[region_column], measure)] = row[measure]
    return cells


def rate_attack(rows: list[dict], region_column: str, rate: str, counts: list[str], denominator) -> dict:
    """Counts a published rate gives back: count = rate × denominator(row) / 100, where the count
    is NULL and the rate and its denominator are not."""
    found = {}
    for row in rows:
        base = denominator(row)
        if row.get(rate) is None or base is None:
            continue
        for measure in counts:
            if row[measure] is None:
                found[(str(row["period"]), row[region_column], measure)] = round(row[rate] * base / 100)
    return found


def equations(cells: dict, parents: dict) -> list[tuple[tuple, list[tuple]]]:
    """(total, parts) of every sum among the cells: regions and their children, and row sums."""
    children = defaultdict(list)
    for (period, region, measure) in cells:
        parent = parents.get(region)
        if parent is not None and (period, parent, measure) in cells:
            children[(period, parent, measure)].append((period, region, measure))
    sums = list(children.items())
    regions = {(period, region) for (period, region, _) in cells}
    for period, region in regions:
        for total, parts in ROW_SUMS:
            keys = [(period, region, m) for m in (total, *parts)]
            if all(k in cells for k in keys):
                sums.append((keys[0], keys[1:]))
    return sums


def recover(cells: dict, parents: dict) -> dict:
    """Every suppressed cell (None) that the sums fix, with its value."""
    sums = equations(cells, parents)
    known = {k: v for k, v in cells.items() if v is not None}
    given, zeros = set(), set()
    # a total that its known parts already reach: the other parts are 0 (counts are not negative);
    # under a published (or itself given) zero total, that is what the total says
    changed = True
    while changed:
        changed = False
        for total, parts in sums:
            if total in known and known[total] == sum(known.get(p, 0) for p in parts):
                for part in parts:
                    if part not in known:
                        known[part] = 0
                        (given if known[total] == 0 and total not in zeros else zeros).add(part)
                        changed = True
    unknown = sorted(k for k in cells if k not in known)
    index = {k: i for i, k in enumerate(unknown)}
    rows = []
    for total, parts in sums:
        coefficients = defaultdict(Fraction)
        constant = Fraction(0)
        for cell, sign in [(total, 1)] + [(p, -1) for p in parts]:
            if cell in index:
                coefficients[index[cell]] += sign
            else:
                constant -= sign * known[cell]
        coefficients = {i: c for i, c in coefficients.items() if c != 0}
        if coefficients:
            rows.append((coefficients, constant))
    solved = solve(rows, len(unknown))
    recovered = {unknown[i]: value for i, value in solved.items()}
    for cell in zeros:
        recovered[cell] = Fraction(0)
    for cell in given:
        recovered.pop(cell, None)
    return recovered


def solve(rows: list[tuple[dict, Fraction]], size: int) -> dict[int, Fraction]:
    """The unknowns the system Σ c_i x_i = constant fixes: reduced row echelon form, exactly; an
    unknown is fixed when a reduced row holds it alone."""
    reduced: list[tuple[dict, Fraction]] = []
    pivots: dict[int, int] = {}
    for coefficients, constant in rows:
        coefficients = dict(coefficients)
        for pivot, r in pivots.items():
            if pivot in coefficients:
                factor = coefficients[pivot]
                other, other_constant = reduced[r]
                for i, c in other.items():
                    coefficients[i] = coefficients.get(i, Fraction(0)) - factor * c
                constant -= factor * other_constant
                coefficients = {i: c for i, c in coefficients.items() if c != 0}
        if not coefficients:
            continue
        pivot = min(coefficients)
        scale = coefficients[pivot]
        coefficients = {i: c / scale for i, c in coefficients.items()}
        constant /= scale
        for r, (other, other_constant) in enumerate(reduced):
            if pivot in other:
                factor = other[pivot]
                for i, c in coefficients.items():
                    other[i] = other.get(i, Fraction(0)) - factor * c
                reduced[r] = ({i: c for i, c in other.items() if c != 0}, other_constant - factor * constant)
        pivots[pivot] = len(reduced)
        reduced.append((coefficients, constant))
    return {next(iter(c)): constant for c, constant in reduced if len(c) == 1}

"""Compare two `make bench` results: how each page's latency grew from the smaller corpus to the larger.

    .venv/bin/python -m devtools.bench.compare devtools/bench/results-postgresql-filebased-10000.json \\
        devtools/bench/results-postgresql-filebased-100000.json

For every page measured in both runs: requests per second and each p50 (under load, and at one
connection), with the growth of the p50s in per cent, as measured and "in ceilings": each p50
divided by the ceiling view's p50 of its own run, since two runs minutes apart on a shared
machine can differ by more than the corpus does. Issue 7 asks for less than GROWTH_LIMIT from
10,000 to 100,000 articles for the article page, home, the first page of an archive and a two-word
search.
"""

import json
import sys
from pathlib import Path

GROWTH_LIMIT = 20  # per cent


def growth(before, after):
    return round((after - before) / before * 100, 1) if before and after is not None else None


def percent(value):
    return "–" if value is None else f"{value:+} %"


def ceiling_p50(run, key):
    return next((row.get(key) for row in run["pages"] if row["page"] == "ceiling"), None)


def relative_growth(before, after, ceilings, key):
    """Growth of a page's p50 measured in its own run's ceiling p50s: the machine's mood cancels out."""
    (small_ceiling, large_ceiling) = ceilings
    if not (before.get(key) and after.get(key) and small_ceiling and large_ceiling):
        return None
    return growth(before[key] / small_ceiling, after[key] / large_ceiling)


def compare(smaller, larger):
    rows = []
    by_page = {row["page"]: row for row in larger["pages"]}
    keys = ("p50_ms", "p50_one_connection_ms")
    ceilings = {key: (ceiling_p50(smaller, key), ceiling_p50(larger, key)) for key in keys}
    for before in smaller["pages"]:
        after = by_page.get(before["page"])
        if after is None:
            continue
        rows.append(
            {
                "page": before["page"],
                "requests_per_second": (before["requests_per_second"], after["requests_per_second"]),
                "p50_ms": (before["p50_ms"], after["p50_ms"]),
                "p50_growth_percent": growth(before["p50_ms"], after["p50_ms"]),
                "p50_one_connection_ms": (before.get("p50_one_connection_ms"), after.get("p50_one_connection_ms")),
                "p50_one_connection_growth_percent": growth(
                    before.get("p50_one_connection_ms"), after.get("p50_one_connection_ms")
                ),
                "p50_growth_in_ceilings_percent": relative_growth(before, after, ceilings["p50_ms"], "p50_ms"),
                "p50_one_connection_growth_in_ceilings_percent": relative_growth(
                    before, after, ceilings["p50_one_connection_ms"], "p50_one_connection_ms"
                ),
            }
        )
    return rows


def table(smaller, larger, rows):
    a, b = f"{smaller['articles']:,}", f"{larger['articles']:,}"
    lines = [
        f"| page | req/s {a} → {b} | p50 ms, under load | growth | in ceilings "
        "| p50 ms, one connection | growth | in ceilings |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        one = row["p50_one_connection_ms"]
        lines.append(
            f"| {row['page']} | {row['requests_per_second'][0]:,.0f} → {row['requests_per_second'][1]:,.0f} "
            f"| {row['p50_ms'][0]} → {row['p50_ms'][1]} | {percent(row['p50_growth_percent'])} "
            f"| {percent(row['p50_growth_in_ceilings_percent'])} "
            f"| {one[0]} → {one[1]} | {percent(row['p50_one_connection_growth_percent'])} "
            f"| {percent(row['p50_one_connection_growth_in_ceilings_percent'])} |"
        )
    return "\n".join(lines)


def main(argv):
    if len(argv) != 2:
        raise SystemExit("usage: python -m devtools.bench.compare SMALLER.json LARGER.json")
    smaller, larger = (json.loads(Path(name).read_text()) for name in argv)
    rows = compare(smaller, larger)
    print(table(smaller, larger, rows))


if __name__ == "__main__":
    main(sys.argv[1:])

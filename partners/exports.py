"""The reprint ledger as a spreadsheet: what editors send authors and sources about where their work was read."""

import csv
import io

from django.utils import timezone

from .mail import absolute_url

# A cell starting with one of these is read as a formula by spreadsheet programs. Partners' names and the
# pages the tracking image reports come from outside, so such a cell is written with a quote in front (OWASP,
# "CSV injection").
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

COLUMNS = [
    "Article",
    "Article address",
    "Page",
    "Partner",
    "Found by",
    "First seen",
    "Views",
    "Views, last {days} days",
    "Last seen",
    "Credits",
    "Missing credits",
]


def cell(value):
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def ledger_csv(reprints, *, recent_days):
    """CSV text (UTF-8 with a byte-order mark, which spreadsheet programs need to read accents) of `reprints`,
    annotated with their views as the ledger shows them; articles by their public address, as in the kit."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow([column.format(days=recent_days) for column in COLUMNS])
    for reprint in reprints:
        request = reprint.permission_request
        row = [
            reprint.article.title,
            absolute_url(reprint.article.get_absolute_url()),
            reprint.page_url or "Unknown page",
            request.organisation if request else "",
            reprint.get_found_by_display(),
            timezone.localtime(reprint.first_seen).date().isoformat(),
            reprint.total_views,
            reprint.recent_views,
            reprint.last_seen.isoformat() if reprint.last_seen else "",
            reprint.get_credit_status_display() if reprint.page_url else "",
            "; ".join(str(problem) for problem in reprint.credit_problems),
        ]
        writer.writerow([cell(value) for value in row])
    return out.getvalue()

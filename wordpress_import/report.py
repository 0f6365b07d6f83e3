"""What an import did, per kind of thing: created, updated, unchanged, skipped and failed, with reasons."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

STATUSES = ("created", "updated", "unchanged", "skipped", "failed")
# The order kinds are listed in; any other kind follows.
KINDS = ("post", "page", "attachment", "author", "region", "theme", "tag", "source", "redirect")


@dataclass
class Entry:
    kind: str
    status: str  # one of STATUSES, or "note" for a remark on an item that was imported
    label: str
    reason: str


@dataclass
class Report:
    dry_run: bool = False
    counts: dict = field(default_factory=lambda: defaultdict(Counter))
    entries: list = field(default_factory=list)
    seconds: float = 0.0
    source: str = ""

    def add(self, kind, status, label="", reason=""):
        if status not in STATUSES:
            raise ValueError(f"unknown status {status!r}")
        self.counts[kind][status] += 1
        if status in ("skipped", "failed"):
            self.entries.append(Entry(kind, status, label, reason))

    def note(self, kind, label, reason):
        """A remark on something that was imported all the same (a picture not found, a date left empty)."""
        self.entries.append(Entry(kind, "note", label, reason))

    def count(self, kind, status):
        return self.counts[kind][status]

    def reasons(self, status):
        return [entry for entry in self.entries if entry.status == status]

    @property
    def failed(self):
        return sum(counter["failed"] for counter in self.counts.values())

    def render(self):
        """The report as text for the terminal: a table, then every skip, failure and note with its reason."""
        lines = []
        heading = "Dry run: nothing was written. An import would do this:" if self.dry_run else "Imported:"
        if self.source:
            heading = f"{self.source}\n{heading}"
        lines.append(heading)
        kinds = [kind for kind in KINDS if kind in self.counts] + sorted(set(self.counts) - set(KINDS))
        width = max([len(kind) for kind in kinds] + [6])
        lines.append("  " + "kind".ljust(width) + "".join(status.rjust(11) for status in STATUSES))
        for kind in kinds:
            counter = self.counts[kind]
            lines.append("  " + kind.ljust(width) + "".join(str(counter[status]).rjust(11) for status in STATUSES))
        for status, title in (("failed", "Failed"), ("skipped", "Skipped"), ("note", "Notes")):
            entries = self.reasons(status)
            if not entries:
                continue
            lines.append(f"{title} ({len(entries)}):")
            # Items sharing a reason are listed together; each still appears with the reason that applies to it.
            grouped = defaultdict(list)
            for entry in entries:
                grouped[(entry.kind, entry.reason)].append(entry.label)
            for (kind, reason), labels in grouped.items():
                if len(labels) == 1:
                    lines.append(f"  {labels[0] or kind}: {reason}")
                else:
                    lines.append(f"  {len(labels)} × {kind}: {reason}")
                    lines.extend(f"      {label}" for label in labels)
        if self.seconds:
            lines.append(f"Done in {self.seconds:.1f} s.")
        return "\n".join(lines)

"""Reports on the stock, for the morning email."""

from __future__ import annotations

import csv
import io
import sys

from .stock import Item


def low_stock(items: dict[str, Item], threshold: int = 5) -> list[Item]:
    """The items that need reordering, fewest first."""
    return sorted((i for i in items.values() if i.quantity < threshold), key=lambda i: i.quantity)


def as_csv(items: list[Item]) -> str:
    """The items as CSV, one row each."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["sku", "name", "quantity"])
    for item in items:
        writer.writerow([item.sku, item.name, item.quantity])
    return out.getvalue()


def summary_line(items: dict[str, Item]) -> str:
    """One line for the email's subject."""
    total = sum(i.quantity for i in items.values())
    low = low_stock(items)
    width = 40
    return f"{len(items)} products, {total} units, {len(low)} low"

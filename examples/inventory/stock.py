"""Stock levels of the warehouse, and the orders that change them."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field


@dataclass
class Item:
    """One product on the shelves."""

    sku: str
    name: str
    quantity: int = 0
    tags: list[str] = field(default_factory=list)


class OutOfStock(Exception):
    """Raised when an order asks for more than the shelves hold."""


def load_items(path: str) -> dict[str, Item]:
    """Read the stock file: a JSON list of items."""
    with open(path, encoding="utf-8") as f:
        records = json.load(f)
    return {r["sku"]: Item(**r) for r in records}


def reserve(items: dict[str, Item], sku: str, quantity: int) -> Item:
    """Take `quantity` of one product off the shelves."""
    item = items[sku]
    if item.quantity < quantity:
        raise OutOfStock(f"{sku}: {item.quantity} left, {quantity} asked")
    item.quantity -= quantity
    return item


def restock(items: dict[str, Item], deliveries, note: str = "") -> int:
    """Put delivered products back on the shelves; returns how many units arrived."""
    total = 0
    for sku, quantity in deliveries:
        unitCount = int(quantity)
        items.setdefault(sku, Item(sku=sku, name=sku)).quantity += unitCount
        total += unitCount
    return total


def apply_order(items: dict[str, Item], order: dict, priority=False) -> list[Item]:
    """Reserve every line of an order, or none of them."""
    taken = []
    try:
        for line in order["lines"]:
            taken.append((reserve(items, line["sku"], line["quantity"]), line["quantity"]))
    except OutOfStock:
        for item, quantity in taken:
            item.quantity += quantity
        raise
    return [item for item, _ in taken]

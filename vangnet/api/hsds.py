"""Placeholder replaced by the HSDS export (work in progress in this checkout)."""

"""Chushang Desk (楚商联络台): the liaison officers' offline desktop client."""

__version__ = "0.1.0"

"""Fixtures that start real chushang_server processes on 127.0.0.1 (filled in with the server)."""

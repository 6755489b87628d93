"""Importers: read files strictly, report every problem as FILE:LINE: COLUMN: message, store all or nothing."""

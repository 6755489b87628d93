"""Imports end to end: the importers read and validate files, the store writes them in one transaction.

The two rooms never import each other; this one hands the store's facts to the importers' checks and
their records to the store's writers.
"""

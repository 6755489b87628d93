"""Persistence: SQLAlchemy Core tables and a repository that answers with pandas frames."""

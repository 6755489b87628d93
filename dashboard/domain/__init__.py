"""Pure domain logic on pandas frames: no Dash, no database, no files except explicit paths."""

"""Figure builders: data in, plotly figure out. No I/O, no Dash."""

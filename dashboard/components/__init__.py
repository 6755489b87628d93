"""Small reusable Dash components. They format with the Translator and build no data themselves."""

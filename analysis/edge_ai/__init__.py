"""edge_ai."""

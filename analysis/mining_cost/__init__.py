"""mining_cost."""

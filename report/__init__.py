"""The pipeline and its outside world: datasets, ledger, rendering, builds and the CLI."""

"""Publishing: every version as plain static files (``site``), with a version index,
changes pages and an Atom feed (``pages``, ``feed``), served locally by ``serve``."""

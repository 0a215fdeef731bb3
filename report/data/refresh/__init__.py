"""``refresh``: fetch each dataset from its live public source, validate it against its
schema and lock it as a new snapshot (``sources`` says where, ``shapes`` turns each
service's answer into the layout the registry reads, ``run`` does the rest)."""

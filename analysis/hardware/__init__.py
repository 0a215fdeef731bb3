"""The hardware family (data/claims/hardware.toml): mining machines and the network's scale.

Claims, one module each: ``early_cpu_mining``, ``asic_divide``, ``capital_intensive`` and
``entry_barriers``. Shared measures: ``efficiency`` (the machines, their classes and the
efficiency trend) and ``network`` (hashrate, the CPU era, blocks a day, single machines);
``figures`` labels every figure of the family once.
"""

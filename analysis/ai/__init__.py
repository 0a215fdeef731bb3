"""The AI family (data/claims/ai.toml): who builds AI and how open models compare.

Claims: ``frontier`` (frontier systems from companies; a handful of giants), ``sectors``
(universities to companies; early corporate labs), ``open_weights`` (open models as a
counterforce; the open trend) and ``gap`` (the proprietary-open gap). Shared measures:
``systems`` (Epoch AI's notable systems), ``arena`` (Chatbot Arena), ``benchmarks`` (MMLU).
"""

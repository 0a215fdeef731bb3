"""Edge hardware and edge latency: the article's claims about how edge AI works, which no
benchmark or latency data in the project can check.
"""

from __future__ import annotations

from analysis.result import Assessment, Verdict

HARDWARE_SUMMARY = "No performance-per-watt series for edge AI hardware is in the project."
HARDWARE_METHOD = (
    "The claim is about a trend in edge devices' compute and energy efficiency. The AI data "
    "in the project describe large training runs and chatbot ratings, not edge inference "
    "hardware."
)
HARDWARE_LIMITS = "Data-centre hardware trends do not carry over to phones and embedded devices."
HARDWARE_NEEDS = (
    "Benchmark results per watt for edge accelerators by release date, for example MLPerf "
    "Inference: Edge and MLPerf Mobile submissions with their measured power."
)

LATENCY_SUMMARY = "No latency measurements of on-device against cloud inference are in the project."
LATENCY_METHOD = (
    "The claim compares response times of inference on the device with inference in a "
    "cloud data centre. The project's AI data rate models and count training runs; none "
    "of them time a request."
)
LATENCY_LIMITS = (
    "Latency depends on the network, the model's size and the device; a smaller edge model "
    "can answer sooner and still do less, so a fair test fixes the task."
)
LATENCY_NEEDS = (
    "Measured end-to-end latency for the same task served on-device and from a cloud "
    "endpoint, for example MLPerf Inference edge results (single-stream latency) beside "
    "round-trip times to the nearest cloud region."
)


def assess_edge_hardware_efficiency() -> Assessment:
    """Edge hardware becoming more powerful and energy-efficient: no edge benchmark series here."""
    return Assessment(
        verdict=Verdict.NOT_CHECKABLE,
        summary=HARDWARE_SUMMARY,
        figures=(),
        method=HARDWARE_METHOD,
        limits=HARDWARE_LIMITS,
        needs=HARDWARE_NEEDS,
    )


def assess_edge_latency() -> Assessment:
    """Edge inference cutting latency: no latency measurements are in the project."""
    return Assessment(
        verdict=Verdict.NOT_CHECKABLE,
        summary=LATENCY_SUMMARY,
        figures=(),
        method=LATENCY_METHOD,
        limits=LATENCY_LIMITS,
        needs=LATENCY_NEEDS,
    )

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


DEVICES_SUMMARY = (
    "No series of consumer devices with on-device AI is in the project's data; the claim, "
    "an expectation, is not checkable."
)
DEVICES_METHOD = (
    "The claim expects AI to be built into more consumer devices (smartphones, home "
    "appliances, vehicles). That needs, per year, the share of devices sold that run AI "
    "models locally. The project holds market-size forecasts in US dollars only; a "
    "published forecast of edge-AI chipset shipments in units (ABI Research) is in the "
    "shared curated table but not among the project's tables, and it forecasts, not "
    "measures, and does not split consumer from industrial devices."
)
DEVICES_LIMITS = (
    "A forecast can show that analysts expect the same thing as the article, not that it happens."
)
DEVICES_NEEDS = (
    "Yearly shipments of smartphones and personal computers with a neural processing unit "
    "or on-device generative AI, as a share of all shipments (for example from IDC or "
    "Canalys), and the same for appliances and vehicles where published."
)


def assess_consumer_devices() -> Assessment:
    """AI increasingly integrated into consumer devices: no device series here."""
    return Assessment(
        verdict=Verdict.NOT_CHECKABLE,
        summary=DEVICES_SUMMARY,
        figures=(),
        method=DEVICES_METHOD,
        limits=DEVICES_LIMITS,
        needs=DEVICES_NEEDS,
    )

from analysis.hardware.figures import (
    FIGURES,
    FITS,
    date_figure,
    declared,
    fit_names,
    multiple_threshold,
)
from tests.analysis.hardware_frames import TS


def test_exponentially_greater_is_two_orders_of_magnitude() -> None:
    assert multiple_threshold() == 100.0


def test_a_date_figure_is_its_ordinal_day() -> None:
    assert date_figure(TS("2009-01-03")) == 733410.0  # 1 January of year 1 is day 1


def test_declared_picks_labels_and_units_in_the_order_asked() -> None:
    figures = declared("latest_date", "asic_vs_cpu_multiple")
    assert figures.names == ("latest_date", "asic_vs_cpu_multiple")
    assert figures.spec("asic_vs_cpu_multiple").unit == "multiple"
    assert figures.spec("asic_vs_cpu_multiple").label == FIGURES.spec("asic_vs_cpu_multiple").label


def test_every_fit_has_its_three_figures() -> None:
    for prefix in FITS:
        halving, r_squared, points = (FIGURES.spec(n) for n in fit_names(prefix))
        assert (halving.unit, r_squared.unit, points.unit) == ("months", "ratio", "count")
        assert halving.label.startswith(FITS[prefix])

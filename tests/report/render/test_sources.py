"""Chart source lines name the publisher and the dataset, not the mirror it was read from."""

from __future__ import annotations

import pytest

from report.data.registry import load_registry
from report.render.sources import TRANSCRIBED, publisher
from report.settings import PROJECT_ROOT


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("CCAF CBECI, as stored in dataalways/energy-adjusted-cbeci (GitHub)", "CCAF CBECI"),
        ("F2Pool, as captured in mattk8/mining-data mining-devices.csv (GitHub)", "F2Pool"),
        ("Epoch AI, epoch-research/open-model-trends data/ (GitHub)", "Epoch AI"),
        ("LMArena (lmarena-ai/chatbot-arena-leaderboard), as compiled in x/y z.csv", "LMArena"),
        (
            "Our World in Data energy dataset (owid/energy-data, file commit e789); from Ember",
            "Our World in Data energy dataset",
        ),
        ("Team transcription of public pages (see each row's source_title)", TRANSCRIBED),
    ],
)
def test_the_publisher_is_kept_and_the_mirror_dropped(source: str, expected: str) -> None:
    assert publisher(source) == expected


def test_no_registered_source_line_names_a_mirror_or_a_column() -> None:
    registry = load_registry(PROJECT_ROOT / "data")
    for dataset in registry.datasets.values():
        name = publisher(dataset.source)
        assert "(GitHub)" not in name and "as stored" not in name, dataset.id
        assert "source_title" not in name, dataset.id

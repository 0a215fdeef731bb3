import pandas as pd
import pytest

from analysis.hardware.efficiency import cbeci_machines
from analysis.hardware.network import (
    annual_energy_kwh,
    blocks_between,
    blocks_in_period,
    cpu_era,
    cpu_era_median_ths,
    curated_devices,
    device_shares,
    f2pool_efficiency,
    growth_around,
    hashrate_at,
    network_blocks_per_day,
    period_median,
)
from tests.analysis.hardware_frames import (
    CBECI,
    F2POOL,
    HASHES_PER_UNIT,
    MODELS,
    TH_FOR_144_BLOCKS,
    TS,
    every_days,
    series,
)


def test_energy_hashrate_helpers_by_hand() -> None:
    # 1 TH/s at 1,000 J/TH is 1 kW: 24 kWh a day
    assert annual_energy_kwh(1.0, 1000.0, 365.25) == pytest.approx(24 * 365.25)
    frame = series([("2020-01-01", 1.0), ("2021-01-01", 2.0), ("2022-01-01", 200.0)])
    before, after = growth_around(frame, TS("2021-01-01"), 12)
    assert before == pytest.approx(2.0)
    assert after == pytest.approx(100.0)
    assert period_median(frame, TS("2020-01-01"), TS("2022-01-01")) == pytest.approx(1.5)


def test_blocks_in_period_counts_days_between_samples() -> None:
    hashrate = every_days("2009-01-01", "2009-02-06", 4, TH_FOR_144_BLOCKS, "hashrate_ths")
    difficulty = every_days("2009-01-01", "2009-02-06", 4, 1.0, "difficulty")
    # ten samples four days apart, each standing for four days of 144 blocks
    assert len(hashrate) == 10
    blocks = blocks_in_period(
        hashrate, difficulty, HASHES_PER_UNIT, TS("2009-01-01"), TS("2010-01-01")
    )
    assert blocks == pytest.approx(144 * 40)


def test_device_tables() -> None:
    devices = f2pool_efficiency(F2POOL)
    assert devices["efficiency_j_th"].tolist() == pytest.approx([30.0, 100.0])
    assert devices["released"].tolist() == [TS("2016-01-01"), TS("2015-06-01")]
    curated = curated_devices(MODELS)
    assert curated["device"].tolist() == ["Maker B1"]  # B2 is low-rated, B3 lists two bins
    assert curated["hashrate_ths"].tolist() == [400.0]


def test_block_count_from_hashrate_reaches_the_block_tables_first_height(
    real_tables: dict[str, pd.DataFrame],
) -> None:
    first = real_tables["blocks"].sort_values("height").iloc[0]  # height 664,063, 2 January 2021
    end = (
        pd.Timestamp(first["date"]).tz_localize(None)
        if pd.Timestamp(first["date"]).tzinfo
        else pd.Timestamp(first["date"])
    )
    estimate = blocks_in_period(
        real_tables["hashrate"], real_tables["difficulty"], HASHES_PER_UNIT, TS("2009-01-01"), end
    )
    assert estimate == pytest.approx(first["height"], rel=0.01)


def test_cpu_era_runs_to_the_first_gpu_row() -> None:
    hashrate = series([("2009-01-09", 1e-6), ("2012-01-01", 10.0)])
    # the first GPU row of the hand-made list is the 'Worst GPU', 1 January 2010
    assert cpu_era(cbeci_machines(CBECI), hashrate) == (TS("2009-01-09"), TS("2010-01-01"))


def test_cpu_era_median_takes_the_samples_before_its_end() -> None:
    hashrate = series([("2009-01-09", 1.0), ("2009-06-01", 2.0), ("2009-09-01", 9.0)])
    era = (TS("2009-01-09"), TS("2009-09-01"))  # the last sample is on the end date: left out
    assert cpu_era_median_ths(era, hashrate) == pytest.approx(1.5)


def test_blocks_between_reads_the_daily_series() -> None:
    hashrate = every_days("2009-01-01", "2009-02-06", 4, TH_FOR_144_BLOCKS, "hashrate_ths")
    difficulty = every_days("2009-01-01", "2009-02-06", 4, 2.0, "difficulty")
    daily = network_blocks_per_day(hashrate, difficulty, HASHES_PER_UNIT)
    # twice the difficulty at the same hashrate: 72 blocks a day
    assert daily["blocks_per_day"].tolist() == pytest.approx([72.0] * 10)
    # the first five samples, four days each
    assert blocks_between(daily, TS("2009-01-01"), TS("2009-01-21")) == pytest.approx(72 * 20)


def test_device_share_is_its_hashrate_over_the_network_read_between_samples() -> None:
    hashrate = series([("2020-01-01", 100.0), ("2020-01-11", 200.0)])
    # 6 January is half-way: the network is read as 150 TH/s
    assert hashrate_at(hashrate, TS("2020-01-06")) == pytest.approx(150.0)
    devices = pd.DataFrame(
        {"device": ["box"], "hashrate_ths": [3.0], "released": [TS("2020-01-06")]}
    )
    assert device_shares(devices, hashrate)["share_pct"].iloc[0] == pytest.approx(2.0)

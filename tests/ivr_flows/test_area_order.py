"""The area table lists provinces in GB/T 2260 order, as official forms do, and each area code once."""

from __future__ import annotations

from ivr_flows.areas import GB2260_ORDER, area_table


def test_provinces_follow_gb_t_2260_and_codes_ascend_within_each() -> None:
    table = area_table()
    provinces = list(dict.fromkeys(p for p, _, _ in table))
    assert provinces[:9] == ["北京", "天津", "河北", "山西", "内蒙古", "辽宁", "吉林", "黑龙江", "上海"]
    assert provinces == [p for p in GB2260_ORDER if p in provinces]
    for province in provinces:
        codes = [c for p, _, c in table if p == province]
        assert codes == sorted(codes), province
    assert len({c for _, _, c in table}) == len(table)

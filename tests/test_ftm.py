"""Officials as FollowTheMoney open data: valid under `followthemoney`, stable ids, the sample press cast."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from datetime import date
from pathlib import Path

from followthemoney import model
from followthemoney.types import registry

from domain.profiles import OfficialProfile
from indexer.enrich.officials import Official, Quote
from indexer.enrich.profiles import ArticleMentions, build_profiles
from opendata.ftm import SEEN_IN_PRESS, ftm_lines
from opendata.occupancies import occupancies, organization_of, with_place
from opendata.occupancy_csv import csv_lines
from tests.conftest import run_cli

DOCS = {
    "a1": {"url": "https://baocamau.example/chu-tich-a1.html", "title": "Hội nghị", "paper": "Báo Cà Mau"},
    "a2": {"url": "https://baocamau.example/doi-thoai-a2.html", "title": "Đối thoại", "paper": "Báo Cà Mau"},
}


def _profiles() -> list[OfficialProfile]:
    said = [Quote("Doanh nghiệp phát triển thì tỉnh mới phát triển", "direct", "…, Chủ tịch UBND tỉnh nói.")]
    return build_profiles([
        ArticleMentions("a1", date(2017, 2, 1), "Cà Mau", [], [
            Official("Lâm Hoàng Khải", ["Chủ tịch UBND tỉnh", "Phó Bí thư Thường trực Tỉnh ủy"], quotes=said),
            Official("Quách Văn Nhựt", ["Phó Chủ tịch UBND tỉnh"]),
            Official("Trần Lưu Quang", ["Phó Thủ tướng Chính phủ"], national=True),
            Official("Lê Dũng", ["nguyên Chủ tịch UBND tỉnh"]),
        ]),
        ArticleMentions("a2", date(2017, 8, 1), "Bạc Liêu", [], [
            Official("Lâm Hoàng Khải", ["Chủ tịch Ủy ban nhân dân tỉnh Cà Mau"], province="Cà Mau"),
            Official("Dương Hữu Tài", ["Chủ tịch UBND tỉnh"]),
            Official("Trần Lưu Quang", ["Phó Thủ tướng"], national=True),
        ]),
    ])  # fmt: skip


def validate(lines: list[str]) -> list[dict]:
    """Every line one entity valid under its FtM schema, every reference to an exported entity; the entities."""
    entities = [json.loads(line) for line in lines]
    ids = {e["id"] for e in entities}
    assert len(ids) == len(entities), "an entity exported twice"
    for data in entities:
        schema = model.get(data["schema"])
        assert schema is not None and not schema.abstract, data["schema"]
        proxy = model.get_proxy(data, cleaned=False)
        for name, values in data["properties"].items():
            prop = schema.get(name)
            assert prop is not None, (data["schema"], name)  # no unknown property
            for value in values:
                assert prop.type.clean(value, proxy=proxy) == value, (name, value)  # right type, already clean
                if prop.type == registry.date:
                    assert date.fromisoformat(value)
                if prop.type == registry.entity:
                    assert value in ids, (name, value)
    return entities


def test_entities_are_valid_and_cover_people_positions_occupancies_quotes() -> None:
    entities = validate(list(ftm_lines(_profiles(), DOCS.get, "http://archive.example")))
    by_schema = Counter(e["schema"] for e in entities)
    assert by_schema["Person"] == 4  # Lê Dũng only has a former title: no occupancy, no person
    assert by_schema["Documentation"] == 1 and by_schema["Article"] == 1
    positions = {e["id"]: e["properties"]["name"][0] for e in entities if e["schema"] == "Position"}
    people = {e["id"]: e["properties"]["name"][0] for e in entities if e["schema"] == "Person"}
    held = Counter(
        (people[o["properties"]["holder"][0]], positions[o["properties"]["post"][0]])
        for o in entities
        if o["schema"] == "Occupancy"
    )
    assert held[("Lâm Hoàng Khải", "Chủ tịch UBND tỉnh Cà Mau")] == 1  # two spellings, two papers: one occupancy
    assert held[("Dương Hữu Tài", "Chủ tịch UBND tỉnh Bạc Liêu")] == 1
    assert held[("Quách Văn Nhựt", "Phó Chủ tịch UBND tỉnh Cà Mau")] == 1
    assert [p for p in people.values() if p == "Trần Lưu Quang"] == ["Trần Lưu Quang"]  # national: one Person
    chair = next(
        o
        for o in entities
        if o["schema"] == "Occupancy" and positions[o["properties"]["post"][0]].startswith("Chủ tịch UBND tỉnh Cà")
    )
    props = chair["properties"]
    assert (props["startDate"], props["endDate"], props["status"]) == (["2017-02-01"], ["2017-08-01"], [SEEN_IN_PRESS])
    assert props["sourceUrl"] == [
        DOCS["a1"]["url"], "http://archive.example/article/a1", DOCS["a2"]["url"], "http://archive.example/article/a2",
    ]  # fmt: skip


def test_ids_are_stable_across_exports_and_independent_of_order() -> None:
    first = [json.loads(line)["id"] for line in ftm_lines(_profiles(), DOCS.get, "http://archive.example")]
    again = [json.loads(line)["id"] for line in ftm_lines(reversed(_profiles()), DOCS.get, "http://archive.example")]
    assert sorted(first) == sorted(again)


def test_selection_by_province_and_dates() -> None:
    occs = occupancies(_profiles(), province="bac lieu")
    assert [(o.profile.name, o.position.name) for o in occs] == [("Dương Hữu Tài", "Chủ tịch UBND tỉnh Bạc Liêu")]
    assert {o.profile.name for o in occupancies(_profiles(), province="Trung ương")} == {"Trần Lưu Quang"}
    assert {o.profile.name for o in occupancies(_profiles(), since=date(2017, 3, 1))} == {
        "Lâm Hoàng Khải",
        "Dương Hữu Tài",
        "Trần Lưu Quang",
    }
    assert occupancies(_profiles(), until=date(2016, 12, 31)) == []


def test_positions_are_named_with_their_place_and_organisation() -> None:
    assert with_place("Chủ tịch UBND tỉnh", "Cà Mau", False) == "Chủ tịch UBND tỉnh Cà Mau"
    assert with_place("Bí thư Tỉnh uỷ", "Bạc Liêu", False) == "Bí thư Tỉnh uỷ Bạc Liêu"
    assert with_place("Giám đốc Sở Tài chính", "Cần Thơ", False) == "Giám đốc Sở Tài chính thành phố Cần Thơ"
    assert with_place("Phó Thủ tướng Chính phủ", "Trung ương", True) == "Phó Thủ tướng Chính phủ"
    assert organization_of("Phó Bí thư Thường trực Tỉnh ủy") == "Tỉnh ủy"
    assert organization_of("Giám đốc Sở Giáo dục và Đào tạo") == "Sở Giáo dục và Đào tạo"
    assert organization_of("Chủ tịch") is None


def test_occupancy_csv_for_spreadsheets() -> None:
    text = "".join(csv_lines(occupancies(_profiles())))
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    khai = [r for r in rows if r["person"] == "Lâm Hoàng Khải" and r["position"] == "Chủ tịch UBND tỉnh Cà Mau"]
    assert len(khai) == 1 and khai[0]["articles"] == "a1; a2" and khai[0]["first_seen"] == "2017-02-01"


def test_cli_export_of_the_sample_press_loads_back(indexed_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "officials.ftm.json"
    result = run_cli("export-officials", "--format", "ftm", "--output", str(out), data_dir=indexed_dir)
    assert result.returncode == 0, result.stderr
    lines = out.read_text("utf-8").splitlines()
    entities = validate(lines)
    people = {e["properties"]["name"][0] for e in entities if e["schema"] == "Person"}
    cast = {
        line
        for line in (Path(__file__).parent / "devset" / "samplepress_cast.txt").read_text("utf-8").splitlines()
        if line and not line.startswith("#")
    }
    assert people and people <= cast  # every exported person is one the sample press's author listed
    again = run_cli("export-officials", "--format", "ftm", data_dir=indexed_dir)
    assert again.stdout.splitlines() == lines  # same archive, same export, same ids
    bac_lieu = run_cli("export-officials", "--format", "csv", "--province", "Bạc Liêu", data_dir=indexed_dir)
    rows = list(csv.DictReader(io.StringIO(bac_lieu.stdout.lstrip("\ufeff"))))
    chairs = [r["person"] for r in rows if r["position"] == "Chủ tịch UBND tỉnh Bạc Liêu"]
    assert chairs == ["Dương Hữu Tài"]
    bad = run_cli("export-officials", "--since", "June", data_dir=indexed_dir)
    assert bad.returncode == 2 and "2017-06-12" in bad.stderr

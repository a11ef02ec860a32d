import pytest

from formfill.types import CommuneInfo, find_commune, find_province, format_address, search_communes
from formfill.types.admin import communes, match_communes, provinces


def test_counts() -> None:
    assert len(provinces()) == 34
    all_communes = communes()
    assert len(all_communes) == 3321
    kinds = [c.kind for c in all_communes]
    assert (kinds.count("xã"), kinds.count("phường"), kinds.count("đặc khu")) == (2621, 687, 13)
    assert len(communes("82")) == 102


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Đồng Tháp", "82"), ("dong thap", "82"), ("Tỉnh Đồng Tháp", "82"), ("82", "82"), (82, "82"),
        ("Hà Nội", "01"), ("Thành phố Hà Nội", "01"), ("TP. Hồ Chí Minh", "79"), ("tp hcm", "79"),
        ("Huế", "46"), ("Thừa Thiên Huế", "46"), ("thanh pho can tho", "92"), ("Đắk Lắk", "66"),
    ],
)  # fmt: skip
def test_find_province(text: object, code: str) -> None:
    found = find_province(text)  # type: ignore[arg-type]
    assert found is not None and found.code == code


@pytest.mark.parametrize("text", ["Tiền Giang", "Narnia", "", "83", "0"])
def test_find_province_none(text: str) -> None:
    assert find_province(text) is None


def test_province_names() -> None:
    dt, hn = find_province("82"), find_province("01")
    assert dt is not None and hn is not None
    assert (dt.name, dt.full_name) == ("Đồng Tháp", "tỉnh Đồng Tháp")
    assert (hn.name, hn.full_name) == ("Hà Nội", "thành phố Hà Nội")


@pytest.mark.parametrize(
    "text", ["Phường Sa Đéc", "phuong sa dec", "sa dec", "Sa Đéc", "P. Sa Đéc", "29905", 29905]
)
def test_find_commune(text: object) -> None:
    found = find_commune(text)  # type: ignore[arg-type]
    assert found == CommuneInfo("29905", "Phường Sa Đéc", "phường", "Sa Đéc", "82")
    assert found.label == "Phường Sa Đéc, tỉnh Đồng Tháp"


def test_find_commune_ambiguity() -> None:
    assert find_commune("Tân Phú") is None  # many provinces
    assert len(match_communes("Tân Phú")) > 1
    assert find_commune("Tân Phú", "Đồng Tháp") is not None
    # Same letters without accents, told apart by accents.
    assert len(match_communes("my tho")) == 2
    assert find_commune("Mỹ Thọ").name == "Xã Mỹ Thọ"  # type: ignore[union-attr]
    assert find_commune("Phường Mỹ Tho").name == "Phường Mỹ Tho"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "query", ["sa dec", "phuong sa dec", "Sa Đéc", "SA ĐÉC", "29905", "sa dec, dong thap", "sa d"]
)
def test_search_sa_dec_first(query: str) -> None:
    hits = search_communes(query)
    assert hits, query
    first = hits[0]
    assert (first.commune.name, first.province.code, first.province.name) == (
        "Phường Sa Đéc",
        "82",
        "Đồng Tháp",
    )


def test_search_words_and_limits() -> None:
    hits = search_communes("tan phu dong thap", limit=5)
    assert len(hits) <= 5 and all(h.province.code == "82" for h in hits)
    assert search_communes("") == [] and search_communes("zzzz") == []
    assert len(search_communes("a", limit=3)) == 3
    assert search_communes("sa dec", limit=0) == []
    ranks = [h.rank for h in search_communes("phu", limit=50)]
    assert ranks == sorted(ranks)


def test_format_address() -> None:
    assert (
        format_address("Số 153 Nguyễn Sinh Sắc", "Phường Sa Đéc", "Tỉnh Đồng Tháp")
        == "Số 153 Nguyễn Sinh Sắc, phường Sa Đéc, tỉnh Đồng Tháp"
    )
    assert format_address(None, "sa dec", "dong thap") == "phường Sa Đéc, tỉnh Đồng Tháp"
    assert format_address("1 Main St", None, None, "Hoa Kỳ") == "1 Main St, Hoa Kỳ"
    assert format_address("Ấp 3", "Xã Không Có", "Tỉnh Tiền Giang") == "Ấp 3, xã Không Có, tỉnh Tiền Giang"

"""A generated month at an office: citizens (with names and ID numbers) who filed forms, rated the
kiosk, and got results; and the office figures computed from it, in the shape of ``office stats
--json`` plus ``results``. The figures must carry none of the people's values: the report tests
search the PDF for the generated names and ID numbers."""

from __future__ import annotations

import random
import statistics
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

FORMS = ("khai-sinh", "ket-hon", "khai-tu", "xac-nhan-tinh-trang-hon-nhan", "trich-luc-ho-tich", "ct01")
# five fields each form's citizens get wrong (real paths: nested blocks, a repeating group's row)
FIELDS = {
    "khai-sinh": ("nguoi_yeu_cau.so_dinh_danh_ca_nhan", "nguoi_duoc_khai_sinh.ngay_sinh", "me.ho_ten",
                  "me.noi_cu_tru.xa", "cha.so_dinh_danh_ca_nhan"),
    "ket-hon": ("ben_nu.so_dinh_danh_ca_nhan", "ben_nam.ngay_sinh", "ben_nu.noi_cu_tru.xa",
                "ben_nam.ket_hon_lan_thu", "ben_nam.giay_to_tuy_than.so"),
    "khai-tu": ("nguoi_yeu_cau.so_dinh_danh_ca_nhan", "nguoi_da_chet.ngay_sinh", "ngay_chet",
                "nguoi_da_chet.noi_cu_tru_cuoi_cung.xa", "nguoi_yeu_cau.ho_ten"),
    "xac-nhan-tinh-trang-hon-nhan": ("nguoi_yeu_cau.so_dinh_danh_ca_nhan", "nguoi_duoc_cap.ngay_sinh",
                                     "nguoi_duoc_cap.noi_cu_tru.xa", "muc_dich_su_dung",
                                     "nguoi_yeu_cau.ho_ten"),
    "trich-luc-ho-tich": ("nguoi_yeu_cau.ho_ten", "nguoi_duoc_cap_ban_sao.ngay_sinh", "da_dang_ky.so",
                          "da_dang_ky.ngay_dang_ky", "so_luong_ban_sao"),
    "ct01": ("nguoi_ke_khai.so_dinh_danh_ca_nhan", "nguoi_ke_khai.so_dien_thoai", "thanh_vien.1.ngay_sinh",
             "thanh_vien.2.so_dinh_danh_ca_nhan", "chu_ho.so_dinh_danh_ca_nhan"),
}  # fmt: skip
SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ")
GIVEN = ("Thị Hường", "Văn Đức", "Ngọc Hân", "Minh Luân", "Thanh Tâm", "Quốc Bảo")


@dataclass(frozen=True)
class Filing:
    name: str
    id_number: str
    form: str
    day: date
    seconds: float
    errors: tuple[str, ...]
    score: int | None
    result: str | None  # before / on_time / late


def generate(start: date, days: int = 30, seed: int = 15) -> list[Filing]:
    rng = random.Random(seed)
    out = []
    for k in range(days):
        day = start + timedelta(days=k)
        if day.isoweekday() == 7:
            continue
        for _ in range(rng.randint(2, 12)):
            form = rng.choice(FORMS)
            out.append(
                Filing(
                    name=f"{rng.choice(SURNAMES)} {rng.choice(GIVEN)} {rng.randint(100, 999)}",
                    id_number=f"0871{rng.randint(10**7, 10**8 - 1):08d}",
                    form=form,
                    day=day,
                    seconds=rng.uniform(180, 1500),
                    errors=tuple(rng.sample(FIELDS[form], rng.randint(0, 2))),
                    score=rng.choice((None, 3, 4, 4, 5, 5, 2)),
                    result=rng.choice(("before", "on_time", "on_time", "late", None)),
                )
            )
    return out


def stats_of(filings: list[Filing], start: date, end: date) -> dict[str, Any]:
    forms: dict[str, list[Filing]] = {}
    for f in filings:
        forms.setdefault(f.form, []).append(f)
    failed: dict[tuple[str, str], int] = {}
    for f in filings:
        for field in f.errors:
            failed[(f.form, field)] = failed.get((f.form, field), 0) + 1
    rated = [f for f in filings if f.score is not None]
    dist = {str(k): sum(1 for f in rated if f.score == k) for k in range(1, 6)}

    def avg(xs: list[Filing]) -> float | None:
        return round(sum(f.score or 0 for f in xs) / len(xs), 2) if xs else None

    return {
        "from": start.isoformat(),
        "to": end.isoformat(),
        "forms": [
            {
                "form": form,
                "submissions": len(fs),
                "median_seconds": round(statistics.median(f.seconds for f in fs), 1),
                "per_day": [
                    {"date": d.isoformat(), "count": sum(1 for f in fs if f.day == d)}
                    for d in sorted({f.day for f in fs})
                ],
            }
            for form, fs in sorted(forms.items())
        ],
        "failed_fields": [
            {"form": form, "field": field, "count": n}
            for (form, field), n in sorted(failed.items(), key=lambda kv: (-kv[1], kv[0]))[:10]
        ],
        "satisfaction": {
            "count": len(rated),
            "average": avg(rated),
            "distribution": dist,
            "by_weekday": {
                str(k): {"count": len(x), "average": avg(x)}
                for k in range(1, 8)
                for x in [[f for f in rated if f.day.isoweekday() == k]]
            },
            "by_form": {
                form: {"count": len(x), "average": avg(x)}
                for form in sorted(forms)
                for x in [[f for f in rated if f.form == form]]
            },
            "visits": {"1": len(rated), "2": 0, "3+": 0},
        },
        "results": {k: sum(1 for f in filings if f.result == k) for k in ("before", "on_time", "late")},
    }

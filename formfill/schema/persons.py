"""The person, requester and envelope blocks of the civil-status forms, under the one import path
schema modules use (``from formfill.schema.persons import …``).

They are written where they belong and gathered here:

- :mod:`formfill.schema.person_rules`: the 2024 footnotes, ``Person`` / ``IdentifiedPerson`` (the
  identity rules), the field helpers, ``choice``, ``full_years``, ``same_person_errors``;
- :mod:`formfill.schema.envelope`: Kính gửi, Làm tại, ngày làm, bản sao, the requester
  ``NguoiYeuCau`` and the ``Declaration`` base;
- :mod:`formfill.schema.civil_status`: the person blocks of the 2024 civil-status forms and an
  earlier registration (``DaDangKy``);
- :mod:`formfill.schema.series_2020`: the blocks of the 2020-series forms.

Every name this module offered before the split is still here (``formfill.forms.blocks`` star-imports
it), including the types and helpers it used to import for itself.
"""

from __future__ import annotations

import datetime as dt  # noqa: F401
from typing import Annotated, Any, ClassVar  # noqa: F401

from pydantic import PlainValidator, WithJsonSchema, model_validator  # noqa: F401

from formfill.base.messages import vn_error  # noqa: F401
from formfill.base.text import clean, fold  # noqa: F401
from formfill.model.block import EMPTY, Block, fld, raise_field_errors  # noqa: F401
from formfill.schema.civil_status import (  # noqa: F401
    NOTE_DEATH_ONLY_WITHOUT_ID,
    NOTE_DEATH_ONLY_WITHOUT_ID_EN,
    VIEC_HO_TICH,
    BenKetHon,
    BenNam,
    BenNu,
    Cha,
    ChaMe,
    DaDangKy,
    GiayChungNhanKetHon,
    GiayKhaiSinh,
    Me,
    NgayDangKy,
    NguoiChaMeCon,
    NguoiDaChet,
    NguoiDuocDangKy,
    NguoiDuocKhaiSinh,
    NoiDangKy,
    QuyenSo,
    SoDangKy,
    ViecHoTich,
)
from formfill.schema.envelope import (  # noqa: F401
    Declaration,
    DeNghiCapBanSao,
    KinhGui,
    LamTai,
    NgayLam,
    NguoiYeuCau,
    SoLuongBanSao,
)
from formfill.schema.person_rules import (  # noqa: F401
    ID_FIELD,
    NOTE_BODY,
    NOTE_BODY_EN,
    NOTE_COPIES,
    NOTE_COPIES_EN,
    NOTE_ID_PAPER,
    NOTE_ID_PAPER_EN,
    NOTE_RESIDENCE,
    NOTE_RESIDENCE_EN,
    ErrorItem,
    IdentifiedPerson,
    Person,
    choice,
    full_years,
    same_person_errors,
)
from formfill.schema.series_2020 import (  # noqa: F401
    NOTE_ID_PAPER_2020,
    NOTE_ID_PAPER_2020_EN,
    NOTE_RESIDENCE_2020,
    NOTE_RESIDENCE_2020_EN,
    GiayToTuyThan2020,
    NguoiDuocCap2020,
    NguoiYeuCau2020,
)
from formfill.types import (  # noqa: F401
    Address,
    BirthDate,
    Ethnicity,
    FreeText,
    Gender,
    IdentityPaper,
    Nationality,
    PartialBirthDate,
    PastDate,
    PastPlace,
    PersonalId,
    PersonName,
    ShortText,
    check_personal_id,
    format_date,
)
from formfill.types.text_types import PlaceText  # noqa: F401

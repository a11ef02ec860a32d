"""Legacy Vietnamese 8-bit encodings: TCVN3 (TCVN 5712:1993) and VNI-Windows, and telling them apart.

Python has no codec for either. TCVN3 is one byte per letter (a 256-entry table); VNI-Windows writes a
base letter followed by one or two "mark" bytes from the Latin-1 range, so it is decoded by longest
match. A CSV file carries no font names, so the detector works on the text itself: it decodes a sample
with each candidate and keeps the one that reads most like Vietnamese (no stray symbols such as
"µ ¸ ¹" inside words, at most one tone mark per syllable, no capital inside a lower-case word).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

# --- TCVN 5712:1993 ------------------------------------------------------------------------------
# VN3 ("ABC", the .VnTime fonts) uses 0xA1-0xAE and the lower-case letters in 0xB5-0xFE. The full VN1
# set adds the precomposed capitals in the slots VN3 leaves empty (0x01-0x17, 0x80-0x9F, ...) and five
# combining tone marks at 0xB0-0xB4; a VN3 file never uses those bytes, so decoding with VN1 is safe.
_TCVN_LOW = {
    0x01: "Ú", 0x02: "Ụ", 0x04: "Ừ", 0x05: "Ử", 0x06: "Ữ",
    0x11: "Ứ", 0x12: "Ự", 0x13: "Ỳ", 0x14: "Ỷ", 0x15: "Ỹ", 0x16: "Ý", 0x17: "Ỵ",
}  # fmt: skip
_TCVN_80_9F = "ÀẢÃÁẠẶẬÈẺẼÉẸỆÌỈĨÍỊÒỎÕÓỌỘỜỞỠỚỢÙỦŨ"
_TCVN_A0_FF = (
    "\xa0ĂÂÊÔƠƯĐăâêôơưđẰ"
    "\u0300\u0309\u0303\u0301\u0323àảãáạẲằẳẵắẴ"
    "ẮẦẨẪẤỀặầẩẫấậèỂẻẽ"
    "éẹềểễếệìỉỄẾỒĩíịò"
    "Ổỏõóọồổỗốộờởỡớợù"
    "ỖủũúụừửữứựỳỷỹýỵỐ"
)


def _tcvn3_table() -> str:
    table = [chr(b) for b in range(0x80)]
    for byte, char in _TCVN_LOW.items():
        table[byte] = char
    table.extend(_TCVN_80_9F)
    table.extend(_TCVN_A0_FF)
    assert len(table) == 256
    return "".join(table)


TCVN3_TABLE = _tcvn3_table()


def decode_tcvn3(data: bytes) -> str:
    """TCVN3 bytes to NFC text (every byte has a meaning, so this never fails)."""
    return unicodedata.normalize("NFC", data.decode("latin-1").translate(_TCVN3_TRANSLATE))


_TCVN3_TRANSLATE = {i: c for i, c in enumerate(TCVN3_TABLE) if chr(i) != c}

# --- VNI-Windows ---------------------------------------------------------------------------------
# Tone bytes (lower case / upper case): sắc ù Ù, huyền ø Ø, hỏi û Û, ngã õ Õ, nặng ï Ï.
# Vowel marks: â (â ê ô) written "aâ"; breve ă written "aê"; breve+tone: é è ú ü ë; circumflex+tone:
# á à å ã ä. Single bytes: ô = ơ, ö = ư, ñ = đ; i with tones í ì æ ó ò; ỵ = î.
_TONES = {"ù": "\u0301", "ø": "\u0300", "û": "\u0309", "õ": "\u0303", "ï": "\u0323"}
_CIRC = {"â": "", "á": "\u0301", "à": "\u0300", "å": "\u0309", "ã": "\u0303", "ä": "\u0323"}
_BREVE = {"ê": "", "é": "\u0301", "è": "\u0300", "ú": "\u0309", "ü": "\u0303", "ë": "\u0323"}


def _vni_pairs() -> dict[str, str]:
    pairs: dict[str, str] = {}

    def add(code: str, text: str) -> None:
        text = unicodedata.normalize("NFC", text)
        for c, t in ((code, text), (code.upper(), text.upper())):
            pairs[c] = t
        # Mixed case seen in the wild: capital base, lower-case mark byte.
        pairs.setdefault(code[0].upper() + code[1:], text.upper())

    for base in "aeouy":
        for mark, tone in _TONES.items():
            add(base + mark, base + tone)
    for base in "aeo":
        for mark, tone in _CIRC.items():
            add(base + mark, base + "\u0302" + tone)
    for mark, tone in _BREVE.items():
        add("a" + mark, "a\u0306" + tone)
    for vni, uni in (("ô", "ơ"), ("ö", "ư")):
        add(vni, uni)
        for mark, tone in _TONES.items():
            add(vni + mark, uni + tone)
    for vni, uni in (("í", "í"), ("ì", "ì"), ("æ", "ỉ"), ("ó", "ĩ"), ("ò", "ị"), ("î", "ỵ"), ("ñ", "đ")):
        add(vni, uni)
    return pairs


VNI_PAIRS = _vni_pairs()
_VNI_RE = re.compile("|".join(sorted(map(re.escape, VNI_PAIRS), key=len, reverse=True)))


def _cp1252_or_latin1(data: bytes) -> str:
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def vni_from_text(text: str) -> str:
    """VNI-Windows text that was read as Windows-1252 ("Xin chaøo") back to Vietnamese ("Xin chào")."""
    return unicodedata.normalize("NFC", _VNI_RE.sub(lambda m: VNI_PAIRS[m.group(0)], text))


def decode_vni(data: bytes) -> str:
    """VNI-Windows bytes to NFC text. Decode whole lines: a letter never spans a line break."""
    return vni_from_text(_cp1252_or_latin1(data))


def decode_cp1258(data: bytes) -> str:
    return unicodedata.normalize("NFC", data.decode("cp1258"))


# --- telling them apart --------------------------------------------------------------------------
_BASE_VI = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
_VOWELS = "aăâeêioôơuưy"
_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"
_OK_SYMBOLS = set(" \t\r\n!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~–—‘’“”…°•«»§№\xa0")


def _vi_letters() -> frozenset[str]:
    letters = set()
    for base in _BASE_VI + "fjwz":
        for tone in ("", *_TONE_MARKS):
            if tone and base not in _VOWELS:
                continue
            for c in (base, base.upper()):
                d = unicodedata.normalize("NFD", c) + tone
                letters.add(unicodedata.normalize("NFC", d))
    return frozenset(ch for ch in letters if len(ch) == 1)


VI_LETTERS = _vi_letters()
_WORD = re.compile(r"\w+")
_CLUSTERS = (
    "a ă â e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi oo ua uâ ue uê ui uô uơ uy "
    "ưa ưi ưu ươ yê iêu oai oay oao oeo uây uôi uya uyê uyu ươi ươu yêu"
).split()
_SYLLABLE = re.compile(
    "(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvxfjwz])?"
    "(?:" + "|".join(sorted(_CLUSTERS, key=len, reverse=True)) + ")"
    "(?:ch|nh|ng|[cmnpt])?"
)


def _plain(word: str) -> str:
    """Lower case, tone marks removed, vowel marks (â ă ơ ư) kept."""
    nfd = unicodedata.normalize("NFD", word.lower())
    return unicodedata.normalize("NFC", "".join(ch for ch in nfd if ch not in _TONE_MARKS))


def _tone_count(word: str) -> int:
    return sum(1 for ch in unicodedata.normalize("NFD", word) if ch in _TONE_MARKS)


def oddness(text: str) -> int:
    """How un-Vietnamese a decoded text looks: stray symbols, several tones in a syllable, "NéI"-style caps."""
    bad = sum(1 for ch in text if not (ch in VI_LETTERS or ch.isdigit() or ch in _OK_SYMBOLS))
    for word in _WORD.findall(text):
        if not word.isascii():
            if _tone_count(word) > 1:
                bad += 2
            if any(a.islower() and b.isupper() for a, b in itertools.pairwise(word)):
                bad += 1
            if not word.isdigit() and not _SYLLABLE.fullmatch(_plain(word)):
                bad += 1
    return bad


def vietnamese_letters(text: str) -> int:
    return sum(1 for ch in text if not ch.isascii() and ch in VI_LETTERS)


@dataclass(frozen=True)
class Encoding:
    """A detected input encoding: a name for people, a line decoder, and what to tell the user."""

    name: str
    label: str
    decode: Callable[[bytes], str]
    legacy: bool = False


def _utf8(data: bytes) -> str:
    return unicodedata.normalize("NFC", data.decode("utf-8"))


UTF8 = Encoding("utf-8", "UTF-8", _utf8)
CP1258 = Encoding("cp1258", "Windows-1258 (cp1258)", decode_cp1258)
TCVN3 = Encoding("tcvn3", "TCVN3 (TCVN 5712:1993, VN3)", decode_tcvn3, legacy=True)
VNI = Encoding("vni", "VNI-Windows", decode_vni, legacy=True)
SINGLE_BYTE = (CP1258, TCVN3, VNI)


def rank_single_byte(sample: bytes) -> list[tuple[int, int, Encoding]]:
    """Candidates for non-UTF-8 bytes, best first: (oddness, -Vietnamese letters, encoding)."""
    ranked = []
    for enc in SINGLE_BYTE:
        try:
            text = enc.decode(sample)
        except UnicodeDecodeError:
            continue
        ranked.append((oddness(text), -vietnamese_letters(text), enc))
    ranked.sort(key=lambda r: (r[0], r[1]))
    return ranked


def mojibake_source(text: str) -> Encoding | None:
    """UTF-8 text that is really TCVN3 or VNI read as Windows-1252 ("Hµ Néi", "Xin chaøo"), if it is."""
    base = oddness(text)
    if base == 0:
        return None
    try:
        raw = text.encode("cp1252")
    except UnicodeEncodeError:
        try:
            raw = text.encode("latin-1")
        except UnicodeEncodeError:
            return None
    best: tuple[int, Encoding] | None = None
    for enc in (TCVN3, VNI):
        score = oddness(enc.decode(raw))
        if best is None or score < best[0]:
            best = (score, enc)
    if best is not None and best[0] * 4 < base and vietnamese_letters(best[1].decode(raw)) > 0:
        return best[1]
    return None

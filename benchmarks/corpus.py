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
# people, towns and organisations no gazetteer lists: the NER model has to find them
FIRST = ["Ahmed", "Layla", "Omar", "Samir", "Nadia", "Karim", "Huda", "Yusuf", "Mariam", "Tariq", "Rania",
         "Daniel", "Sarah", "Michael", "Emily", "James", "Hannah", "Peter", "Olga", "Dmytro", "Iryna", "Farid",
         "Zainab", "Hassan", "Leila", "Bashir", "Noor", "Khalid", "Amal", "Jonathan", "Rebecca", "Thomas"]
LAST = ["Haddad", "Karimi", "Nasser", "Saleh", "Mansour", "Jaber", "Khoury", "Rahimi", "Obeidi", "Zubaidi",
        "Whitfield", "Carver", "Lindqvist", "Moreno", "Brennan", "Okafor", "Petrenko", "Kovalenko", "Shammari",
        "Dulaimi", "Hashimi", "Tamimi", "Fitzgerald", "Morrison", "Adeyemi", "Halvorsen", "Rourke", "Barzani"]
ROLES = ["a researcher at the {org}", "a senior fellow at the {org}", "a spokesperson for the {org}",
         "the mayor of {town}", "a local council member in {town}", "a former Iraqi army officer",
         "an analyst with the {org}", "a resident of {town}", "a professor at {town} University"]
ORGS = ["Middle East Institute", "Washington Institute for Near East Policy", "Crisis Group",
        "Centre for Regional Security Studies", "Tigris Policy Forum", "Levant Research Network",
        "Institute for the Study of War", "Euphrates Monitoring Group", "Atlantic Council"]
TOWNS = ["Qaim", "Hit", "Haditha", "Rawa", "Tikrit", "Samarra", "Baqubah", "Kirkuk", "Hasakah", "Deir ez-Zor",
         "Mayadin", "Albu Kamal", "Tal Afar", "Sinjar", "Ramadi", "Fallujah", "Kut", "Amarah", "Nasiriyah", "Hawija"]
QUOTES = [
    "We heard two loud explosions shortly after midnight, and then the sirens started.",
    "Nobody here wants another war, but people are afraid of what comes next.",
    "The groups are signalling that they can raise the cost for Washington at a time of their choosing.",
    "These attacks are calibrated to avoid mass casualties while keeping the pressure on.",
    "The government in Baghdad is caught between its partners and the factions inside its own coalition.",
    "What we are seeing is a pattern, not a series of isolated incidents.",
    "Every time there is a strike, the roads close and the markets empty for days.",
]
FILLER = [
    "The attacks have raised fears that the war in Gaza could spread across the Middle East.",
    "Iran denies directing the groups, which it describes as independent.",
    "If the attacks continue, officials said, Washington could widen its response.",
    "Analysts said the militias were testing the limits of the U.S. response.",
    "The United States has about 2,500 troops in Iraq and 900 in Syria.",
    "Israel and Hamas have been at war since the Hamas attack of October 7.",
    "The U.S.-led coalition was formed in 2014 to fight the Islamic State group, which once held large parts of "
    "both countries.",
    "Iraqi Prime Minister Mohammed Shia al-Sudani has condemned attacks on the bases, calling them a threat to "
    "the country's stability.",
    "Oil markets have so far shrugged off the violence, although shipping insurers have raised their rates.",
    "Most of the drones were shot down before they reached their targets, according to officials.",
    "Diplomats in the region have been working to keep the conflict from drawing in more countries.",
    "The Pentagon has sent additional air defense systems and two aircraft carrier groups to the region.",
    "The bases also host troops from several European countries, which have not been targeted so far.",
    "Local officials said schools in the area would stay closed for the rest of the week.",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
BOILERPLATE = ["Leave a Reply\n\nYour email address will not be published.", "Related Stories:\nOil prices rise",
               "The views expressed in this article do not reflect the opinion of the publisher.", ""]


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _voice(rng: random.Random) -> str:
    """A quoted paragraph from an invented person, introduced the way the wires do it."""
    name = _person(rng)
    surname = name.split()[-1]
    role = rng.choice(ROLES).format(org=rng.choice(ORGS), town=rng.choice(TOWNS))
    first, second = rng.sample(QUOTES, 2)
    return f"\u201c{first[:-1]},\u201d said {name}, {role}.\n\n\u201c{second}\u201d {surname} added."


def article(i: int, rng: random.Random) -> tuple[str, bytes]:
    pub = dt.date(2023, 10, 18) + dt.timedelta(days=rng.randrange(60))
    day = WEEKDAYS[(pub - dt.timedelta(days=rng.randrange(1, 4))).weekday()]
    place, region = rng.choice(PLACES)
    town = rng.choice(TOWNS)
    body = [
        f"{rng.choice(WEAPONS).capitalize()} targeted U.S. forces at {place} in {region} on {day}, "
        f"{rng.choice(OUTCOMES)}, {rng.choice(OFFICIALS)} said.",
        f"{rng.choice(GROUPS).replace('the ', 'The ', 1)} claimed responsibility in a statement.",
        f"Residents of {town}, about {rng.randrange(5, 60)} kilometers away, said they heard the blasts. "
        + " ".join(rng.sample(FILLER, 2)),
    ]
    # a realistic length: the customer's articles run 340 to 580 words
    for _ in range(rng.randrange(6, 12)):
        body.append(_voice(rng) if rng.random() < 0.5 else " ".join(rng.sample(FILLER, rng.randrange(2, 4))))
    body.append(f"The Pentagon said there had been at least {rng.randrange(10, 90)} attacks on U.S. forces since Oct. 17.")
    title = f"Drone and rocket attacks hit U.S. forces in {region.split()[-1]}"
    style = i % 8
    stamp = {
        0: f" date {pub.isoformat()} ",
        1: f"{title}\n\nhttps://example.com/img/{i}.jpg\nICARO Media Group\nPolitics\n{pub:%d/%m/%Y} 22h43\n\n",
        2: f"{title}\nBy {_person(rng)}\nPublished: {pub:%B} {pub.day}, {pub.year} at 4:12 PM EST\n\n",
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

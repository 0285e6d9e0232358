#!/usr/bin/env python3
"""Write tests/gold/notes2/inbox/n2_NNNN.txt and tests/gold/notes2/gold.jsonl from the table below.

The 90 notes are invented (session 11) in the style of ACLED event notes for countries that the
dev set ../shared/dev/events does not cover. No ACLED text is copied; events are loosely modelled
on publicly reported incidents, with invented details. Coordinates are the writer's own estimate
of the real place (see README.md for the method and the likely error).

usage: python3 tests/gold/notes2/make_notes2.py   (rewrites inbox/ and gold.jsonl; deterministic)
"""
import datetime as dt
import json
import pathlib
import random

HERE = pathlib.Path(__file__).resolve().parent

COUNTRY = {
    "NG": "Nigeria", "ML": "Mali", "CD": "Democratic Republic of Congo", "SD": "Sudan", "MZ": "Mozambique",
    "CM": "Cameroon", "SY": "Syria", "IQ": "Iraq", "PK": "Pakistan", "IN": "India", "MM": "Myanmar",
    "PH": "Philippines", "CO": "Colombia", "MX": "Mexico", "UA": "Ukraine",
}
SOURCE = {cc: name.lower().replace(" ", "_") for cc, name in COUNTRY.items()}

# sub-event type -> (ACLED event type, group)
SUB = {
    "Attack": ("Violence against civilians", "attack"),
    "Air/drone strike": ("Explosions/Remote violence", "attack"),
    "Shelling/artillery/missile attack": ("Explosions/Remote violence", "attack"),
    "Remote explosive/landmine/IED": ("Explosions/Remote violence", "attack"),
    "Suicide bomb": ("Explosions/Remote violence", "attack"),
    "Grenade": ("Explosions/Remote violence", "attack"),
    "Armed clash": ("Battles", "clash"),
    "Peaceful protest": ("Protests", "none"),
    "Protest with intervention": ("Protests", "none"),
    "Arrests": ("Strategic developments", "none"),
    "Agreement": ("Strategic developments", "none"),
    "Change to group/activity": ("Strategic developments", "none"),
    "Looting/property destruction": ("Strategic developments", "none"),
    "Disrupted weapons use": ("Strategic developments", "none"),
    "Headquarters or base established": ("Strategic developments", "none"),
    "Non-violent transfer of territory": ("Strategic developments", "none"),
}
LABEL = {"attack": 1, "none": 0, "clash": None}

# (cc, sub_event_type, event_date, date_stated, time_precision, location, admin1, lat, lon,
#  actor1, actor2, fatalities, text)
N = [
    # ---------------- Nigeria
    ("NG", "Attack", "2024-02-12", True, 1, "Konduga", "Borno", 11.653, 13.418,
     "ISWAP: Islamic State West Africa Province", "Civilians (Nigeria)", 4,
     "On 12 February 2024, ISWAP militants mounted a checkpoint on the Maiduguri-Damboa road near Kawuri village "
     "(Konduga, Borno) and shot dead 4 travellers. Several others were abducted. Coded to Konduga town."),
    ("NG", "Suicide bomb", "2024-06-29", True, 1, "Gwoza", "Borno", 11.083, 13.695,
     "Boko Haram - Jamatu Ahli is-Sunnah lid-Dawati wal-Jihad", "Civilians (Nigeria)", 18,
     "On 29 June 2024, three female suicide bombers, presumably of JAS (Boko Haram), detonated explosives at a "
     "wedding, a hospital and a funeral in Gwoza town (Gwoza, Borno). 18 people were killed and around 40 injured."),
    ("NG", "Attack", "2023-10-07", True, 1, "Zurmi", "Zamfara", 12.777, 6.787,
     "Unidentified Armed Group (Nigeria)", "Civilians (Nigeria)", 9,
     "On 7 October 2023, armed bandits (coded as Unidentified Armed Group (Nigeria)) raided Dauran village (Zurmi, "
     "Zamfara) at night, shot 9 residents dead and set several houses ablaze. Geo-precision 2, coded to Zurmi."),
    ("NG", "Air/drone strike", "2025-03-14", True, 1, "Marte", "Borno", 12.366, 13.830,
     "Military Forces of Nigeria (2023-) Air Force", "ISWAP: Islamic State West Africa Province", 3,
     "On 14 March 2025, the Air Component of Operation Hadin Kai conducted airstrikes on ISWAP positions on the "
     "islands near Marte (Marte, Borno). Unspecified number of fatalities coded as 3."),
    ("NG", "Peaceful protest", "2024-08-01", True, 1, "Lagos - Ikeja", "Lagos", 6.601, 3.351,
     "Protesters (Nigeria)", "", 0,
     "On 1 August 2024, hundreds of people marched along Obafemi Awolowo Way in Ikeja (Ikeja, Lagos) as part of "
     "the EndBadGovernance demonstrations against hardship and the cost of living. The protest was peaceful."),
    ("NG", "Disrupted weapons use", "2024-09-09", True, 1, "Bama", "Borno", 11.522, 13.686,
     "Military Forces of Nigeria (2023-)", "Boko Haram - Jamatu Ahli is-Sunnah lid-Dawati wal-Jihad", 0,
     "Defusal: On 9 September 2024, troops of Operation Hadin Kai discovered and safely detonated 2 IEDs planted "
     "by JAS militants along the Bama-Banki road outside Bama town (Bama, Borno). No casualties."),
    # ---------------- Mali
    ("ML", "Attack", "2024-03-23", True, 1, "Bankass", "Mopti", 14.078, -3.518,
     "Dan Na Ambassagou", "Civilians (Mali)", 7,
     "On 23 March 2024, Dozo hunters (coded as Dan Na Ambassagou) attacked Fulani herders near Ogossagou village "
     "(Bankass, Mopti), killing 7 civilians and stealing cattle. Coded to Bankass."),
    ("ML", "Remote explosive/landmine/IED", "2023-10-04", True, 1, "Bandiagara", "Mopti", 14.350, -3.610,
     "JNIM: Group for Support of Islam and Muslims", "Military Forces of Mali (2021-)", 2,
     "On 4 October 2023, a FAMa vehicle hit an IED likely planted by JNIM on the road between Songho and "
     "Bandiagara (Bandiagara, Mopti). 2 soldiers were killed and 3 wounded."),
    ("ML", "Air/drone strike", "2024-10-05", True, 1, "Kidal", "Kidal", 18.441, 1.407,
     "Military Forces of Mali (2021-)", "Civilians (Mali)", 3,
     "On 5 October 2024, a drone of the Malian Armed Forces struck near the market in Kidal town (Kidal, Kidal). "
     "3 civilians were killed according to local sources; the army said it targeted a 'terrorist' vehicle."),
    ("ML", "Non-violent transfer of territory", "2023-10-21", True, 1, "Tessalit", "Kidal", 20.198, 1.012,
     "Military Forces of Mali (2021-)", "MINUSMA: United Nations Multidimensional Integrated Stabilization Mission in Mali (2013-2023)", 0,
     "On 21 October 2023, MINUSMA peacekeepers completed their early withdrawal from the camp in Tessalit "
     "(Tessalit, Kidal) and FAMa took over the camp."),
    ("ML", "Peaceful protest", "2024-06-02", True, 1, "Koro", "Mopti", 14.067, -3.083,
     "Protesters (Mali)", "", 0,
     "On 2 June 2024, residents of Koro town (Koro, Mopti) held a sit-in in front of the prefecture to denounce the "
     "blockade of the area by JNIM and to call for escorts for trucks. No incident was reported."),
    ("ML", "Armed clash", "2024-07-25", False, 1, "Lere", "Timbuktu", 15.714, -4.912,
     "JNIM: Group for Support of Islam and Muslims", "Military Forces of Mali (2021-)", 10,
     "JNIM militants ambushed a FAMa and Wagner Group convoy near Lere (Niafunke, Timbuktu) on Thursday. Heavy "
     "fighting lasted several hours. Unspecified number of fatalities coded as 10."),
    # ---------------- DR Congo
    ("CD", "Attack", "2024-06-07", True, 1, "Oicha", "North Kivu", 0.700, 29.517,
     "ADF: Allied Democratic Forces", "Civilians (Democratic Republic of Congo)", 11,
     "On 7 June 2024, ADF fighters attacked Mamove village (Beni, North Kivu) with machetes and guns, killing 11 "
     "civilians and burning houses. Coded to Oicha (geo-precision 2)."),
    ("CD", "Shelling/artillery/missile attack", "2024-05-03", True, 1, "Mugunga", "North Kivu", -1.630, 29.165,
     "M23: March 23 Movement", "Civilians (Democratic Republic of Congo)", 35,
     "On 3 May 2024, bombs fired from M23-held positions hit the Mugunga and Lac Vert displacement camps on the "
     "western outskirts of Goma (Nyiragongo, North Kivu). At least 35 displaced people, mostly children, were killed."),
    ("CD", "Grenade", "2025-02-27", True, 1, "Bukavu", "South Kivu", -2.508, 28.861,
     "Unidentified Armed Group (Democratic Republic of Congo)", "Civilians (Democratic Republic of Congo)", 11,
     "On 27 February 2025, unidentified attackers threw 2 grenades into the crowd at the end of an AFC/M23 rally "
     "on Place de l'Independance in Bukavu (Bukavu, South Kivu). 11 people were killed and over 60 wounded."),
    ("CD", "Arrests", "2024-07-08", True, 1, "Beni", "North Kivu", 0.491, 29.473,
     "Military Forces of the Democratic Republic of Congo (2019-)", "Civilians (Democratic Republic of Congo)", 0,
     "On 8 July 2024, FARDC soldiers arrested 3 men suspected of collaborating with the ADF in the Paida "
     "neighbourhood of Beni town (Beni, North Kivu)."),
    ("CD", "Headquarters or base established", "2025-01-24", False, 2, "Minova", "South Kivu", -1.700, 29.020,
     "M23: March 23 Movement", "", 0,
     "Headquarters established: M23 set up positions and appointed local administrators in Minova (Kalehe, South "
     "Kivu) after FARDC and Wazalendo withdrew from the town during the week."),
    ("CD", "Armed clash", "2024-08-15", True, 1, "Djugu", "Ituri", 1.920, 30.500,
     "CODECO: Cooperative for Development of Congo", "CRP: Convention for the Popular Revolution", 4,
     "On 15 August 2024, CODECO militiamen clashed with CRP fighters around Djugu centre (Djugu, Ituri). 4 "
     "fighters were killed."),
    # ---------------- Sudan
    ("SD", "Shelling/artillery/missile attack", "2025-04-13", True, 1, "Zamzam Camp", "North Darfur", 13.520, 25.320,
     "RSF: Rapid Support Forces", "Civilians (Sudan)", 30,
     "On 13 April 2025, RSF shelled Zamzam IDP camp south of Al Fasher (Al Fasher, North Darfur) with artillery "
     "and rockets. At least 30 civilians were killed, including aid workers."),
    ("SD", "Air/drone strike", "2024-12-10", True, 1, "Kabkabiya", "North Darfur", 13.650, 24.090,
     "Military Forces of Sudan (2019-)", "Civilians (Sudan)", 40,
     "On 10 December 2024, SAF warplanes bombed the weekly market in Kabkabiya town (Kabkabiya, North Darfur), "
     "killing around 40 civilians. SAF said it targeted RSF gatherings."),
    ("SD", "Attack", "2024-06-05", True, 1, "Al Manaqil", "Al Jazirah", 14.250, 32.985,
     "RSF: Rapid Support Forces", "Civilians (Sudan)", 100,
     "On 5 June 2024, RSF fighters stormed Wad al-Noura village (Al Manaqil, Al Jazirah) and fired on residents, "
     "killing over 100 villagers. Coded to Al Manaqil as the village could not be located."),
    ("SD", "Air/drone strike", "2025-05-04", True, 1, "Port Sudan", "Red Sea", 19.617, 37.217,
     "RSF: Rapid Support Forces", "Military Forces of Sudan (2019-)", 0,
     "On 4 May 2025, RSF drones struck the airbase at Port Sudan airport and a fuel depot in Port Sudan (Port "
     "Sudan, Red Sea). No fatalities were reported."),
    ("SD", "Change to group/activity", "2025-03-15", False, 1, "Kassala", "Kassala", 15.450, 36.400,
     "Military Forces of Sudan (2019-)", "", 0,
     "Change to group/activity: SAF opened a recruitment and training camp for Popular Resistance volunteers in "
     "Kassala city (Kassala, Kassala). Several hundred young men registered."),
    ("SD", "Looting/property destruction", "2023-12-20", False, 1, "Wad Madani", "Al Jazirah", 14.400, 33.520,
     "RSF: Rapid Support Forces", "Civilians (Sudan)", 0,
     "Looting: RSF fighters looted shops, banks and the central market in Wad Madani (Madani Al Kubra, Al Jazirah) "
     "after taking control of the town. No casualties reported."),
    # ---------------- Mozambique
    ("MZ", "Attack", "2024-02-08", True, 1, "Macomia", "Cabo Delgado", -12.233, 40.125,
     "Islamic State Mozambique Province", "Civilians (Mozambique)", 2,
     "On 8 February 2024, insurgents of Islamic State Mozambique Province beheaded 2 fishermen near Mucojo "
     "(Macomia, Cabo Delgado). Coded to Macomia (geo-precision 2)."),
    ("MZ", "Attack", "2025-09-23", False, 1, "Chiure", "Cabo Delgado", -13.420, 39.330,
     "Islamic State Mozambique Province", "Civilians (Mozambique)", 3,
     "Insurgents burned houses and killed 3 villagers in Ocua administrative post (Chiure, Cabo Delgado), causing "
     "residents to flee south across the Lurio river."),
    ("MZ", "Attack", "2024-03-02", True, 1, "Ancuabe", "Cabo Delgado", -12.970, 39.850,
     "Islamic State Mozambique Province", "Civilians (Mozambique)", 2,
     "On 2 March 2024, suspected ISM insurgents shot dead 2 farmers working in their fields outside Ancuabe town "
     "(Ancuabe, Cabo Delgado)."),
    ("MZ", "Peaceful protest", "2024-11-13", True, 1, "Nampula", "Nampula", -15.117, 39.267,
     "Protesters (Mozambique)", "", 0,
     "On 13 November 2024, supporters of Venancio Mondlane banged pots and pans in several neighbourhoods of "
     "Nampula city (Nampula, Nampula) to contest the results of the general elections. No violence reported."),
    ("MZ", "Change to group/activity", "2024-05-15", True, 1, "Macomia", "Cabo Delgado", -12.233, 40.125,
     "Military Forces of Rwanda (2000-)", "", 0,
     "Movement of forces: On 15 May 2024, Rwandan troops deployed to Macomia town (Macomia, Cabo Delgado) to "
     "replace SAMIM forces that had withdrawn from the district."),
    ("MZ", "Armed clash", "2024-05-10", True, 1, "Mocimboa da Praia", "Cabo Delgado", -11.350, 40.350,
     "Islamic State Mozambique Province", "Military Forces of Mozambique (2015-2025)", 6,
     "On 10 May 2024, ISM insurgents clashed with FADM and local force fighters on the outskirts of Mocimboa da "
     "Praia (Mocimboa da Praia, Cabo Delgado). Unspecified number of fatalities coded as 6."),
    # ---------------- Cameroon
    ("CM", "Attack", "2024-01-06", True, 1, "Kumba", "South-West", 4.636, 9.446,
     "Ambazonian Separatists", "Civilians (Cameroon)", 1,
     "On 6 January 2024, Ambazonian separatists shot dead a secondary school teacher at his home in Kumba (Meme, "
     "South-West) for defying the school boycott."),
    ("CM", "Remote explosive/landmine/IED", "2024-05-18", True, 1, "Bamenda", "North-West", 5.960, 10.150,
     "Ambazonian Separatists", "Military Forces of Cameroon (1982-)", 2,
     "On 18 May 2024, an IED planted by Amba fighters exploded under a military armoured vehicle in the Nkwen "
     "neighbourhood of Bamenda (Mezam, North-West). 2 soldiers were killed."),
    ("CM", "Suicide bomb", "2023-09-11", True, 1, "Kolofata", "Far North", 11.167, 14.017,
     "Boko Haram - Jamatu Ahli is-Sunnah lid-Dawati wal-Jihad", "Civilians (Cameroon)", 4,
     "On 11 September 2023, a female suicide bomber blew herself up in a crowd near the market of Kolofata "
     "(Mayo-Sava, Far North), killing 4 civilians and herself."),
    ("CM", "Arrests", "2024-02-20", True, 1, "Bali", "North-West", 5.890, 10.010,
     "Military Forces of Cameroon (1982-)", "Civilians (Cameroon)", 0,
     "On 20 February 2024, soldiers arrested 5 young men suspected of supporting separatist fighters during a raid "
     "in Bali (Mezam, North-West)."),
    ("CM", "Looting/property destruction", "2023-11-02", False, 1, "Ndop", "North-West", 5.983, 10.417,
     "Ambazonian Separatists", "Civilians (Cameroon)", 0,
     "Property destruction: separatist fighters set fire to a government primary school in Babessi village "
     "(Ngoketunjia, North-West). No one was hurt. Coded to Ndop (geo-precision 2)."),
    ("CM", "Armed clash", "2024-08-29", True, 1, "Fotokol", "Far North", 12.370, 14.220,
     "Military Forces of Cameroon (1982-)", "Boko Haram - Jamatu Ahli is-Sunnah lid-Dawati wal-Jihad", 5,
     "On 29 August 2024, the BIR clashed with JAS militants near Fotokol (Logone-et-Chari, Far North). 5 militants "
     "were killed according to the army."),
    # ---------------- Syria
    ("SY", "Air/drone strike", "2023-10-25", True, 1, "Idleb", "Idleb", 35.930, 36.633,
     "Military Forces of Russia (2000-)", "HTS: Hayat Tahrir al Sham", 0,
     "On 25 October 2023, Russian warplanes carried out several airstrikes on the countryside of Idleb "
     "governorate. No casualties reported. Coded to the governorate capital."),
    ("SY", "Shelling/artillery/missile attack", "2023-08-14", True, 1, "Ariha", "Idleb", 35.813, 36.608,
     "Military Forces of Syria (2000-2024)", "Civilians (Syria)", 2,
     "On 14 August 2023, regime forces shelled residential areas of Ariha city (Ariha, Idleb) with artillery, "
     "killing 2 civilians."),
    ("SY", "Remote explosive/landmine/IED", "2025-05-03", True, 1, "Menbij", "Aleppo", 36.528, 37.955,
     "Unidentified Armed Group (Syria)", "Civilians (Syria)", 1,
     "On 3 May 2025, an IED planted in a car exploded near the roundabout in Menbij city (Menbij, Aleppo), "
     "killing 1 civilian and injuring 4."),
    ("SY", "Suicide bomb", "2025-06-22", True, 1, "Damascus", "Damascus", 33.510, 36.320,
     "Islamic State (Syria)", "Civilians (Syria)", 25,
     "On 22 June 2025, a suicide bomber opened fire on worshippers and then detonated his explosive belt inside the "
     "Mar Elias church in Dwel'a neighbourhood of Damascus (Damascus, Damascus). 25 people were killed."),
    ("SY", "Peaceful protest", "2023-09-01", True, 1, "As-Sweida", "As-Sweida", 32.708, 36.566,
     "Protesters (Syria)", "", 0,
     "On 1 September 2023, thousands of people demonstrated in Al-Karama square in As-Sweida city (As-Sweida, "
     "As-Sweida), calling for the fall of the regime and for political transition."),
    ("SY", "Disrupted weapons use", "2025-04-09", False, 1, "Homs", "Homs", 34.730, 36.710,
     "Military Forces of Syria (2024-)", "", 0,
     "Weapons seizure: General Security forces seized a weapons and ammunition cache, including rockets, hidden in "
     "a house in Homs city (Homs, Homs)."),
    # ---------------- Iraq
    ("IQ", "Air/drone strike", "2024-08-09", True, 1, "Sinjar", "Ninewa", 36.322, 41.874,
     "Military Forces of Turkey (2016-)", "YBS: Sinjar Resistance Units", 2,
     "On 9 August 2024, a Turkish drone struck a vehicle near Sinjar town (Sinjar, Ninewa), killing 2 members of "
     "the YBS."),
    ("IQ", "Remote explosive/landmine/IED", "2024-03-12", True, 1, "Tarmiya", "Baghdad", 33.670, 44.385,
     "Islamic State (Iraq)", "PMF: Popular Mobilization Forces", 1,
     "On 12 March 2024, an IED planted by IS militants exploded against a PMF patrol in the orchards of Tarmiya "
     "(Tarmiya, Baghdad). 1 PMF member was killed."),
    ("IQ", "Shelling/artillery/missile attack", "2024-01-15", True, 1, "Erbil", "Erbil", 36.191, 44.009,
     "Military Forces of Iran (1989-) Islamic Revolutionary Guard Corps", "Civilians (Iraq)", 4,
     "On 15 January 2024, late at night, the Iranian IRGC fired ballistic missiles at a house in Erbil city "
     "(Erbil, Erbil), killing 4 civilians including a businessman and his daughter."),
    ("IQ", "Peaceful protest", "2024-10-21", True, 1, "Al-Nasiriya", "Thi-Qar", 31.050, 46.260,
     "Protesters (Iraq)", "", 0,
     "On 21 October 2024, unemployed graduates gathered in front of the governorate building in Nasiriyah city "
     "(Al-Nasiriya, Thi-Qar) demanding jobs."),
    ("IQ", "Arrests", "2025-02-02", False, 1, "Kirkuk", "Kirkuk", 35.468, 44.392,
     "Military Forces of Iraq (2022-) Counter Terrorism Service", "Islamic State (Iraq)", 0,
     "Arrests: CTS forces arrested 4 suspected IS members in a security operation in Kirkuk city (Kirkuk, Kirkuk)."),
    ("IQ", "Armed clash", "2024-06-05", True, 1, "Al-Amadiya", "Duhok", 37.092, 43.487,
     "PKK: Kurdistan Workers Party", "Military Forces of Turkey (2016-)", 3,
     "On 5 June 2024, PKK fighters clashed with Turkish forces in the mountains north of Amedi (Al-Amadiya, "
     "Duhok). Unspecified number of fatalities coded as 3."),
    # ---------------- Pakistan
    ("PK", "Suicide bomb", "2025-03-04", True, 1, "Bannu", "Khyber Pakhtunkhwa", 32.989, 70.604,
     "Jaish al Fursan", "Military Forces of Pakistan (2024-)", 18,
     "On 4 March 2025, suicide bombers rammed 2 explosive-laden vehicles into the wall of Bannu Cantonment (Bannu, "
     "Khyber Pakhtunkhwa), and gunmen then tried to enter. 18 people, including 5 soldiers, were killed."),
    ("PK", "Attack", "2024-08-26", True, 1, "Musakhel", "Balochistan", 30.860, 69.820,
     "BLA: Balochistan Liberation Army", "Civilians (Pakistan)", 23,
     "On 26 August 2024, BLA gunmen blocked the highway at Rarasham (Musakhel, Balochistan), checked the identity "
     "cards of passengers and shot dead 23 men from Punjab. Coded to Musakhel."),
    ("PK", "Remote explosive/landmine/IED", "2024-11-01", True, 1, "Mastung", "Balochistan", 29.799, 66.846,
     "Unidentified Armed Group (Pakistan)", "Police Forces of Pakistan (2024-)", 7,
     "On 1 November 2024, a remote-controlled IED exploded near a police van escorting a polio vaccination team "
     "near a school in Mastung (Mastung, Balochistan), killing 5 children and 2 others."),
    ("PK", "Grenade", "2024-07-14", True, 1, "Hyderabad", "Sindh", 25.392, 68.374,
     "Unidentified Armed Group (Pakistan)", "Civilians (Pakistan)", 0,
     "On 14 July 2024, unidentified men on a motorcycle hurled a hand grenade at a mobile phone shop in Latifabad, "
     "Hyderabad (Hyderabad, Sindh). 3 people were injured."),
    ("PK", "Arrests", "2024-12-03", False, 1, "Dera Ismail Khan", "Khyber Pakhtunkhwa", 31.832, 70.902,
     "Police Forces of Pakistan (2024-) Counter Terrorism Department", "TTP: Tehreek-i-Taliban Pakistan", 0,
     "Arrests: the Counter Terrorism Department arrested 6 suspected TTP militants and recovered hand grenades and "
     "rifles in Dera Ismail Khan (Dera Ismail Khan, Khyber Pakhtunkhwa)."),
    ("PK", "Protest with intervention", "2024-07-28", True, 1, "Gwadar", "Balochistan", 25.126, 62.322,
     "Protesters (Pakistan)", "Police Forces of Pakistan (2024-)", 0,
     "On 28 July 2024, members of the Baloch Yakjehti Committee held a sit-in at the Marine Drive in Gwadar "
     "(Gwadar, Balochistan). Police dispersed them with tear gas and detained several participants."),
    # ---------------- India
    ("IN", "Remote explosive/landmine/IED", "2025-01-06", True, 1, "Bijapur", "Chhattisgarh", 18.797, 80.819,
     "CPI (Maoist): Communist Party of India (Maoist)", "Police Forces of India (2014-) District Reserve Guard", 9,
     "On 6 January 2025, CPI (Maoist) militants detonated an IED under a vehicle carrying DRG personnel near "
     "Ambeli village (Kutru, Bijapur). 8 personnel and the driver were killed. Coded to Bijapur."),
    ("IN", "Attack", "2024-11-07", True, 1, "Jiribam", "Manipur", 24.800, 93.120,
     "Unidentified Armed Group (India)", "Civilians (India)", 1,
     "On 7 November 2024, armed men set houses on fire and killed a woman in Zairawn village (Jiribam, Manipur). "
     "Coded to Jiribam town."),
    ("IN", "Grenade", "2024-11-03", True, 1, "Srinagar", "Jammu and Kashmir", 34.084, 74.797,
     "Unidentified Armed Group (India)", "Civilians (India)", 0,
     "On 3 November 2024, militants threw a grenade at the crowded Sunday market near the Tourist Reception Centre "
     "in Srinagar (Srinagar, Jammu and Kashmir). 12 civilians were injured."),
    ("IN", "Peaceful protest", "2024-08-14", True, 1, "Kolkata", "West Bengal", 22.570, 88.360,
     "Protesters (India)", "", 0,
     "On 14 August 2024, thousands of women took part in a night march in Kolkata (Kolkata, West Bengal) to demand "
     "justice for a doctor raped and murdered at a state hospital."),
    ("IN", "Disrupted weapons use", "2024-09-18", False, 1, "Churachandpur", "Manipur", 24.333, 93.683,
     "Military Forces of India (2014-) Assam Rifles", "", 0,
     "Weapons seizure: Assam Rifles and police recovered 5 rifles, grenades and ammunition in a search operation in "
     "the hills of Churachandpur district (Churachandpur, Manipur)."),
    ("IN", "Armed clash", "2024-04-16", True, 1, "Kanker", "Chhattisgarh", 20.271, 81.492,
     "Police Forces of India (2014-) Border Security Force", "CPI (Maoist): Communist Party of India (Maoist)", 29,
     "On 16 April 2024, security forces clashed with CPI (Maoist) militants in the forest near Chhotebethiya "
     "(Kanker, Chhattisgarh). 29 Maoists were killed. Coded to Kanker."),
    # ---------------- Myanmar
    ("MM", "Air/drone strike", "2023-04-11", True, 1, "Kanbalu", "Sagaing", 23.200, 95.517,
     "Military Forces of Myanmar (2021-)", "Civilians (Myanmar)", 160,
     "On 11 April 2023, a military jet and helicopter attacked a gathering for the opening of a PDF office in "
     "Pazigyi village (Kanbalu, Sagaing). Around 160 people were killed. Coded to Kanbalu."),
    ("MM", "Shelling/artillery/missile attack", "2024-08-10", True, 1, "Lashio", "Shan-North", 22.935, 97.750,
     "Military Forces of Myanmar (2021-)", "MNDAA: Myanmar National Democratic Alliance Army", 2,
     "On 10 August 2024, junta troops fired artillery into wards of Lashio town (Lashio, Shan-North) held by the "
     "MNDAA. 2 civilians were killed."),
    ("MM", "Attack", "2025-03-02", True, 1, "Sagaing", "Sagaing", 21.880, 95.979,
     "Military Forces of Myanmar (2021-)", "Civilians (Myanmar)", 5,
     "On 2 March 2025, junta soldiers raided villages in Sagaing region and shot dead 5 villagers, including an "
     "elderly man. The exact location is not reported; coded to the regional capital."),
    ("MM", "Change to group/activity", "2024-02-10", True, 1, "Nay Pyi Taw", "Nay Pyi Taw", 19.745, 96.129,
     "Military Forces of Myanmar (2021-)", "", 0,
     "Change to group/activity: On 10 February 2024, the military council announced that the People's Military "
     "Service Law would be enforced, making men aged 18 to 35 liable for conscription. Coded to Nay Pyi Taw."),
    ("MM", "Non-violent transfer of territory", "2025-07-15", False, 3, "Mogoke", "Mandalay", 22.917, 96.508,
     "TNLA: Taang National Liberation Army", "Military Forces of Myanmar (2021-)", 0,
     "Non-violent transfer of territory: the TNLA withdrew from Mogoke town (Mogoke, Mandalay) and handed it to the "
     "military under a ceasefire brokered by China."),
    ("MM", "Armed clash", "2024-01-06", True, 1, "Paletwa", "Chin", 21.300, 92.850,
     "AA: Arakan Army", "Military Forces of Myanmar (2021-)", 5,
     "On 6 January 2024, the Arakan Army clashed with junta troops at the Meewa hill base near Paletwa town "
     "(Paletwa, Chin). Unspecified number of fatalities coded as 5."),
    # ---------------- Philippines
    ("PH", "Remote explosive/landmine/IED", "2023-12-03", True, 1, "Marawi", "Lanao del Sur", 8.000, 124.290,
     "Dawlah Islamiyah", "Civilians (Philippines)", 4,
     "On 3 December 2023, a bomb exploded during a Catholic mass at the gymnasium of Mindanao State University in "
     "Marawi City (Lanao del Sur, BARMM), killing 4 people and injuring around 50."),
    ("PH", "Attack", "2024-03-15", True, 1, "Catarman", "Northern Samar", 12.499, 124.638,
     "NPA: New People's Army", "Civilians (Philippines)", 1,
     "On 15 March 2024, suspected NPA members shot dead a barangay captain in Barangay Dalakit, Catarman (Northern "
     "Samar, Eastern Visayas)."),
    ("PH", "Attack", "2024-06-19", True, 1, "Toledo", "Cebu", 10.378, 123.638,
     "Unidentified Armed Group (Philippines)", "Civilians (Philippines)", 1,
     "On 19 June 2024, 2 gunmen on a motorcycle shot and killed a village councillor outside his house in Toledo "
     "City (Cebu, Central Visayas)."),
    ("PH", "Peaceful protest", "2024-07-22", True, 1, "Quezon City", "Metropolitan Manila", 14.676, 121.044,
     "Protesters (Philippines)", "", 0,
     "On 22 July 2024, activists held a rally along Commonwealth Avenue in Quezon City (Metro Manila) during the "
     "State of the Nation Address. The rally was peaceful."),
    ("PH", "Agreement", "2024-10-10", False, 1, "Cotabato City", "Maguindanao del Norte", 7.223, 124.246,
     "MILF: Moro Islamic Liberation Front", "Government of the Philippines (2022-)", 0,
     "Agreement: the MILF and the national government agreed in Cotabato City (Maguindanao del Norte, BARMM) on "
     "the next phase of decommissioning of MILF combatants and weapons."),
    ("PH", "Armed clash", "2025-01-24", True, 1, "Shariff Aguak", "Maguindanao del Sur", 6.860, 124.440,
     "Military Forces of the Philippines (2022-)", "BIFF: Bangsamoro Islamic Freedom Fighters", 3,
     "On 24 January 2025, Army troops clashed with a BIFF group in the marshland near Shariff Aguak (Maguindanao "
     "del Sur, BARMM). 3 BIFF members were killed."),
    # ---------------- Colombia
    ("CO", "Attack", "2025-01-16", True, 1, "Cucuta", "Norte de Santander", 7.894, -72.504,
     "ELN: National Liberation Army", "Civilians (Colombia)", 8,
     "On 16 January 2025, ELN members killed 8 civilians, including former FARC signatories, in several rural "
     "areas of the Catatumbo region (Norte de Santander). Coded to the departmental capital."),
    ("CO", "Air/drone strike", "2025-06-08", True, 1, "Argelia", "Cauca", 2.258, -77.249,
     "FARC Dissident: Central General Staff", "Police Forces of Colombia (2022-)", 0,
     "On 8 June 2025, FARC dissidents of the Carlos Patino front dropped explosives from drones on the police "
     "station in Argelia (Argelia, Cauca). 2 police officers were injured."),
    ("CO", "Remote explosive/landmine/IED", "2025-06-10", True, 1, "Jamundi", "Valle del Cauca", 3.261, -76.539,
     "FARC Dissident: Central General Staff", "Police Forces of Colombia (2022-)", 0,
     "On 10 June 2025, a motorcycle bomb exploded near the police station in Jamundi (Jamundi, Valle del Cauca), "
     "damaging houses and injuring 3 people."),
    ("CO", "Peaceful protest", "2024-09-05", True, 1, "Palmira", "Valle del Cauca", 3.539, -76.303,
     "Protesters (Colombia)", "", 0,
     "On 5 September 2024, sugarcane cutters marched peacefully in Palmira (Palmira, Valle del Cauca) to demand "
     "better pay from the sugar mills."),
    ("CO", "Disrupted weapons use", "2024-04-22", False, 1, "Ituango", "Antioquia", 7.172, -75.764,
     "Military Forces of Colombia (2022-)", "", 0,
     "Defusal: army deminers destroyed 3 landmines found on a path in a rural area of Ituango (Ituango, Antioquia). "
     "No one was hurt."),
    ("CO", "Armed clash", "2025-02-03", True, 1, "Teorama", "Norte de Santander", 8.437, -73.288,
     "ELN: National Liberation Army", "FARC Dissident: 33rd Front", 6,
     "On 3 February 2025, the ELN clashed with the 33rd front of the FARC dissidents in rural Teorama (Teorama, "
     "Norte de Santander). Unspecified number of fatalities coded as 6."),
    # ---------------- Mexico
    ("MX", "Attack", "2024-09-09", True, 1, "Culiacan", "Sinaloa", 24.799, -107.389,
     "Sinaloa Cartel", "Civilians (Mexico)", 5,
     "On 9 September 2024, gunmen suspected of belonging to a Sinaloa Cartel faction killed 5 men and left their "
     "bodies on a road in Culiacan (Culiacan, Sinaloa)."),
    ("MX", "Air/drone strike", "2023-07-20", True, 1, "Aguililla", "Michoacan", 18.733, -102.788,
     "CJNG: Jalisco New Generation Cartel", "Civilians (Mexico)", 0,
     "On 20 July 2023, CJNG members dropped explosives from drones on homes in El Aguaje community (Aguililla, "
     "Michoacan). No injuries reported. Coded to Aguililla."),
    ("MX", "Attack", "2025-01-11", True, 1, "Salamanca", "Guanajuato", 20.572, -101.191,
     "Unidentified Gang (Mexico)", "Civilians (Mexico)", 6,
     "On 11 January 2025, armed men stormed a bar in Salamanca (Salamanca, Guanajuato) and opened fire on "
     "customers, killing 6 people."),
    ("MX", "Peaceful protest", "2024-09-26", True, 1, "Chilpancingo", "Guerrero", 17.551, -99.501,
     "Protesters (Mexico)", "", 0,
     "On 26 September 2024, parents of the 43 missing Ayotzinapa students and students of the Normal school "
     "marched peacefully in Chilpancingo (Chilpancingo de los Bravo, Guerrero)."),
    ("MX", "Arrests", "2024-10-03", False, 1, "Reynosa", "Tamaulipas", 26.092, -98.278,
     "Military Forces of Mexico (2018-)", "Gulf Cartel", 0,
     "Arrests: soldiers arrested 5 alleged members of the Gulf Cartel and seized rifles and cartridges in Reynosa "
     "(Reynosa, Tamaulipas)."),
    ("MX", "Armed clash", "2024-06-17", True, 1, "Frontera Comalapa", "Chiapas", 15.663, -92.136,
     "Military Forces of Mexico (2018-)", "Sinaloa Cartel", 4,
     "On 17 June 2024, soldiers clashed with gunmen of the Sinaloa Cartel near Frontera Comalapa (Frontera "
     "Comalapa, Chiapas). Unspecified number of fatalities coded as 4."),
    # ---------------- Ukraine
    ("UA", "Shelling/artillery/missile attack", "2024-07-08", True, 1, "Kyiv", "Kyiv City", 50.450, 30.524,
     "Military Forces of Russia (2000-)", "Civilians (Ukraine)", 33,
     "On 8 July 2024, a Russian missile hit the Okhmatdyt children's hospital in Kyiv - Shevchenkivskyi (Kyiv "
     "City), as part of a large missile strike on the city. 33 people were killed in Kyiv."),
    ("UA", "Shelling/artillery/missile attack", "2024-06-04", True, 1, "Velyka Pysarivka", "Sumy", 50.431, 35.477,
     "Military Forces of Russia (2000-)", "Civilians (Ukraine)", 0,
     "On 4 June 2024, Russian forces shelled Velyka Pysarivka (Okhtyrka raion, Sumy oblast) with mortars and "
     "artillery. 2 civilians were injured."),
    ("UA", "Air/drone strike", "2024-10-22", True, 1, "Kherson", "Kherson", 46.636, 32.617,
     "Military Forces of Russia (2000-)", "Civilians (Ukraine)", 1,
     "On 22 October 2024, a Russian FPV drone struck a public bus in the Dniprovskyi district of Kherson city "
     "(Khersonskyi raion, Kherson oblast), killing 1 passenger and injuring 5."),
    ("UA", "Shelling/artillery/missile attack", "2024-09-27", True, 1, "Novomoskovsk", "Dnipropetrovsk", 48.633, 35.224,
     "Military Forces of Russia (2000-)", "Civilians (Ukraine)", 0,
     "On 27 September 2024, Russian forces struck Novomoskovsk (Novomoskovskyi raion, Dnipropetrovsk oblast) with "
     "a missile, damaging an enterprise and injuring 4 civilians."),
    ("UA", "Looting/property destruction", "2024-05-11", False, 1, "Odesa", "Odesa", 46.482, 30.723,
     "Unidentified Armed Group (Ukraine)", "Military Forces of Ukraine (2019-)", 0,
     "Property destruction: unknown persons set fire to a military vehicle parked in a courtyard in Odesa (Odeskyi "
     "raion, Odesa oblast). No one was hurt."),
    ("UA", "Arrests", "2024-11-20", True, 1, "Zaporizhzhia", "Zaporizhia", 47.838, 35.139,
     "Military Forces of Ukraine (2019-) Security Service of Ukraine", "Civilians (Ukraine)", 0,
     "On 20 November 2024, the SBU detained a man in Zaporizhzhia city (Zaporizkyi raion, Zaporizhia oblast) "
     "suspected of passing the positions of air defence units to Russian intelligence."),
]


def rows():
    """Yield gold dicts in file order (shuffled with a fixed seed so a number reveals no country)."""
    order = list(range(len(N)))
    random.Random(20261201).shuffle(order)
    for num, i in enumerate(order, start=1):
        (cc, sub, date, stated, tp, loc, adm1, lat, lon, a1, a2, fat, text) = N[i]
        etype, group = SUB[sub]
        published = (dt.date.fromisoformat(date) + dt.timedelta(days=1)).isoformat()
        yield {
            "file": f"n2_{num:04d}.txt", "source": SOURCE[cc], "repo": "invented", "commit": "", "path": "",
            "source_id": f"N2-{num:04d}", "group": group, "label": LABEL[group], "event_type": etype,
            "sub_event_type": sub, "event_date": date, "time_precision": tp, "published": published,
            "country": COUNTRY[cc], "country_code": cc, "location": loc, "admin1": adm1,
            "latitude": float(lat), "longitude": float(lon), "actor1": a1, "actor2": a2, "fatalities": fat,
            "date_stated": stated, "text": text,
        }


def main():
    inbox = HERE / "inbox"
    inbox.mkdir(exist_ok=True)
    for old in inbox.glob("n2_*.txt"):
        old.unlink()
    out = []
    for row in rows():
        (inbox / row["file"]).write_text(f" date {row['published']}\n\n{row['text']}\n", encoding="utf-8")
        out.append(json.dumps(row, ensure_ascii=False))
    (HERE / "gold.jsonl").write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"wrote {len(out)} notes")


if __name__ == "__main__":
    main()

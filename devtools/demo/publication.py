"""The demo publication's cast: regions, themes, authors and sources, all fictional but for the seed's.

The seed article's own region, themes, author and source live in `seed.py`; these join them.
Sources use example.org addresses, which never belong to anyone, and between them try every
canonical and copyright policy a source can have.
"""

from attribution.models import CanonicalPolicy, CopyrightHolders

REGIONS = [
    {
        "slug": "europe",
        "name": "Europe",
        "description": "The European Union and its neighbours: energy, defence, courts and the politics of the single market.",
    },
    {
        "slug": "russia-eurasia",
        "name": "Russia & Eurasia",
        "description": "Russia, the Caucasus and Central Asia, the Caspian and the Arctic coast: pipelines, borders and sanctions.",
    },
    {
        "slug": "middle-east-north-africa",
        "name": "Middle East & North Africa",
        "description": "From the Maghreb to the Gulf: water, energy, finance and the long shadows of history.",
    },
    {
        "slug": "sub-saharan-africa",
        "name": "Sub-Saharan Africa",
        "description": "Debt, minerals, public health and security south of the Sahara.",
    },
    {
        "slug": "south-central-asia",
        "name": "South & Central Asia",
        "description": "India, Pakistan, Bangladesh and the Central Asian republics: climate, labour and development.",
    },
    {
        "slug": "east-asia-pacific",
        "name": "East Asia & Pacific",
        "description": "China, Japan, Southeast Asia, Australia and the Pacific islands: sea lanes, technology and alliances.",
    },
    {
        "slug": "north-america",
        "name": "North America",
        "description": "The United States, Canada and Mexico: foreign policy, trade, media and the Arctic north.",
    },
]

THEMES = [
    {
        "slug": "global-economy",
        "name": "Global Economy",
        "description": "Trade, debt, sanctions and supply chains: who pays, who profits and who decides.",
    },
    {
        "slug": "environment",
        "name": "Environment",
        "description": "Climate, water, land and the politics of adapting to a warmer world.",
    },
    {
        "slug": "energy",
        "name": "Energy",
        "description": "Oil, gas, minerals, grids and renewables, and the power that comes with them.",
    },
    {
        "slug": "media-and-disinformation",
        "name": "Media and Disinformation",
        "description": "How news is made, funded, trusted and distorted, online and off.",
    },
    {
        "slug": "science-and-medicine",
        "name": "Science and Medicine",
        "description": "Public health, research and the evidence behind policy.",
    },
    {
        "slug": "law-and-justice",
        "name": "Law and Justice",
        "description": "Courts, treaties, rights and the rules states and companies live by, or do not.",
    },
    {
        "slug": "history",
        "name": "History",
        "description": "The past that explains the present: archives, empires and the stories nations tell.",
    },
    {
        "slug": "poverty-social-inequality",
        "name": "Poverty & Social Inequality",
        "description": "Wages, welfare, prices and who is left behind by change.",
    },
]

# Fictional people: any likeness to a real person's name is a coincidence.
AUTHORS = [
    {
        "slug": "ruth-adeyemi",
        "name": "Ruth Adeyemi",
        "affiliation": "Development economist",
        "short_bio": "Ruth Adeyemi is a development economist who writes about sovereign debt, mining and household finance in Africa.",
        "bio": "Ruth Adeyemi is a development economist who has spent fifteen years studying how African governments borrow and how households save.\n\nShe has advised finance ministries on debt management and taught public finance at universities in Lagos and Nairobi. Her current work follows the money from mineral contracts to local budgets.",
    },
    {
        "slug": "tomas-echeverria",
        "name": "Tomás Echeverría",
        "affiliation": "Journalist, Santiago",
        "short_bio": "Tomás Echeverría is a Santiago-based journalist covering mining, energy and the courts in Latin America.",
        "bio": "Tomás Echeverría is a journalist based in Santiago, Chile, who has reported on Latin America's mining and energy industries for two decades.\n\nHe began as a court reporter, which explains his habit of reading the judgment before the press release. He writes in Spanish and English and contributes regularly to this publication.",
    },
    {
        "slug": "ingrid-halvorsen",
        "name": "Ingrid Halvorsen",
        "affiliation": "Climate and energy researcher",
        "short_bio": "Ingrid Halvorsen researches climate adaptation and energy systems in northern Europe and the Arctic.",
        "bio": "Ingrid Halvorsen is a researcher in climate adaptation and energy systems, working on northern Europe and the Arctic.\n\nTrained as a hydrologist, she moved from measuring rivers to asking who pays when they change. She writes about grids, shipping and the infrastructure a warming north will need.",
    },
    {
        "slug": "samir-khoury",
        "name": "Samir Khoury",
        "affiliation": "Historian and writer, Beirut",
        "short_bio": "Samir Khoury is a Beirut-based historian who writes about water, money and memory in the Middle East.",
        "bio": "Samir Khoury is a historian and writer based in Beirut.\n\nHis work ranges from Ottoman railways to the Lebanese banking crisis, and he is interested above all in how old infrastructure and old debts shape today's politics. He has taught modern Middle Eastern history and writes for several publications in Arabic, French and English.",
    },
    {
        "slug": "priya-raman",
        "name": "Priya Raman",
        "affiliation": "Public health researcher",
        "short_bio": "Priya Raman is a public health researcher working on heat, infection and health systems in South Asia.",
        "bio": "Priya Raman is a public health researcher who studies how health systems in South Asia cope with heat, floods and infectious disease.\n\nBefore research, she worked as a district health officer, an experience she credits for her interest in what policies look like from the clinic. She writes about the evidence behind health policy and where it runs out.",
    },
    {
        "slug": "daniel-whitcombe",
        "name": "Daniel Whitcombe",
        "affiliation": "Defence analyst",
        "short_bio": "Daniel Whitcombe is a defence analyst who writes about alliances, arms procurement and military budgets.",
        "bio": "Daniel Whitcombe is a defence analyst who follows military budgets, arms procurement and the politics of alliances.\n\nHe spent a decade reading procurement records before writing about them, and he remains more interested in delivery dates than in announcements. He contributes analysis on NATO, the Pacific and the arms trade.",
    },
    {
        "slug": "lena-vogt",
        "name": "Lena Vogt",
        "affiliation": "Media researcher",
        "short_bio": "Lena Vogt is a media researcher who studies disinformation, local news and the regulation of online platforms.",
        "bio": "Lena Vogt is a media researcher who studies how information spreads, how it is distorted and how the law tries to keep up.\n\nShe has worked as a newspaper editor and as a researcher on platform regulation. Her current project compares how European and North American courts deal with online speech.",
    },
    {
        "slug": "kenji-morita",
        "name": "Kenji Morita",
        "affiliation": "Maritime and trade analyst",
        "short_bio": "Kenji Morita is a maritime and trade analyst who writes about shipping, fisheries and supply chains in the Indo-Pacific.",
        "bio": "Kenji Morita is an analyst of maritime trade and security in the Indo-Pacific.\n\nHe worked in ship finance before turning to research, and he still reads tanker registries for pleasure. His writing covers shipping, fisheries, the law of the sea and the supply chains that cross it.",
    },
    {
        "slug": "aigerim-sadykova",
        "name": "Aigerim Sadykova",
        "affiliation": "Political economist, Almaty",
        "short_bio": "Aigerim Sadykova is an Almaty-based political economist who writes about energy, water and law in Central Asia.",
        "bio": "Aigerim Sadykova is a political economist based in Almaty.\n\nShe studies how Central Asian states balance their larger neighbours through pipelines, railways and water agreements, and how Soviet-era institutions still shape those choices. She writes in Kazakh, Russian and English.",
    },
]

SOURCES = [
    {
        "slug": "meridian-quarterly",
        "name": "The Meridian Quarterly",
        "homepage": "https://meridian.example.org/",
        "description": "A quarterly review of international affairs, with long-form analysis and a weekly online edition.",
        "reprint_terms": "Non-commercial reprints are welcome with the author's name, “First published by The Meridian Quarterly” and a link to the original. Commercial and print reuse needs written permission.",
        "default_copyright_holders": CopyrightHolders.SOURCE,
        "canonical_policy": CanonicalPolicy.ORIGINAL,
    },
    {
        "slug": "harbour-policy-review",
        "name": "Harbour Policy Review",
        "homepage": "https://harbour.example.org/",
        "description": "An open-access journal of policy research on trade, climate and development.",
        "reprint_terms": "Articles are published under Creative Commons Attribution-NoDerivatives 4.0: republish them in full, unchanged, with the author's name and a link to the original.",
        "default_copyright_holders": CopyrightHolders.AUTHORS,
        "canonical_policy": CanonicalPolicy.SELF,
    },
    {
        "slug": "atlas-economic-monitor",
        "name": "Atlas Economic Monitor",
        "homepage": "https://atlas.example.org/",
        "description": "A subscription newsletter on markets, sanctions and commodities, some of whose analysis it shares with partners.",
        "reprint_terms": "Shared with Crosspost Review under a partnership agreement. Further republication is not permitted without the Monitor's written consent.",
        "default_copyright_holders": CopyrightHolders.SOURCE,
        "canonical_policy": CanonicalPolicy.NOINDEX,
        "disclaimer": "This article is republished by agreement with Atlas Economic Monitor, which holds its copyright. The views are the author's own and not those of the Monitor or of Crosspost Review.",
    },
    {
        "slug": "northern-lights-journal",
        "name": "Northern Lights Journal",
        "homepage": "https://northern-lights.example.org/",
        "description": "A journal of history, culture and politics from the Nordic countries and the Arctic.",
        "reprint_terms": "Reprints are welcome with a credit line naming the author and Northern Lights Journal and a link to the original article.",
        "default_copyright_holders": CopyrightHolders.AUTHORS_AND_SOURCE,
        "canonical_policy": CanonicalPolicy.ORIGINAL,
    },
]


# The masthead's menu, in the editors' order: every region, then the themes readers ask for most.
MENU = {
    "regions": [
        "europe", "russia-eurasia", "middle-east-north-africa", "sub-saharan-africa", "south-central-asia",
        "east-asia-pacific", "latin-america-caribbean", "north-america",
    ],
    "themes": ["global-economy", "energy", "environment"],
}  # fmt: skip
# The front page's sections under its top stories.
FRONT_PAGE_SECTIONS = [
    ("theme", "global-economy"),
    ("region", "europe"),
    ("theme", "energy"),
    ("region", "east-asia-pacific"),
]

# Pages written in the admin (Flat pages), and the footer's links to them.
PAGES = [
    {
        "url": "/about/",
        "title": "About Crosspost Review",
        "content": (
            "<p>Crosspost Review republishes analysis first published by research institutes, journals and "
            "independent writers, with the original's full credits: who wrote it, where it first appeared, "
            "and who holds its copyright.</p>"
            "<h2>How we republish</h2><p>Every article names its original source and links to it. Where the "
            "source asks, search engines are pointed to the original rather than to our copy.</p>"
            "<p>This is a demonstration site: its articles, authors and sources are invented.</p>"
        ),
    },
    {
        "url": "/contact/",
        "title": "Contact",
        "content": (
            "<p>For press enquiries write to media@example.org. To republish one of our articles, use the "
            '<a href="/republish/">permission form</a>.</p>'
        ),
    },
    {
        "url": "/privacy/",
        "title": "Privacy",
        "content": (
            "<p>We set no tracking cookies and load nothing from other sites. Editors who sign in get a "
            "session cookie. When you ask to republish an article we keep what you send us to answer you.</p>"
        ),
    },
]
FOOTER_LINKS = [("About us", "/about/"), ("Contact", "/contact/"), ("Privacy", "/privacy/")]

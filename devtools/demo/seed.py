"""The demo copy of the seed article: its facts, restated in our own words."""

import datetime

TITLE = (
    "Latin America and the Globalization of NATO: Colombia's Presidential Run-off "
    "Will Decide Its “Global Partnership” with NATO"
)
SLUG = "colombia-run-off-nato-global-partnership"
DEK = (
    "Colombia is on track to be the first Latin American country to hold NATO's "
    "“global partner” status, and the outcome of its June run-off decides how far that goes."
)
SITE_DATE = datetime.datetime(2018, 6, 7, 9, 0, tzinfo=datetime.UTC)
ORIGINAL_DATE = datetime.date(2018, 6, 6)
ORIGINAL_URL = "https://orientalreview.org/2018/06/06/latin-america-and-the-globalization-of-nato/"

AUTHOR = {
    "name": "Andrew Korybko",
    "slug": "andrew-korybko",
    "affiliation": "Political analyst, Moscow",
    "short_bio": (
        "Andrew Korybko is a Moscow-based American political analyst. He writes about US strategy "
        "across Afro-Eurasia, China's Belt and Road connectivity plans and hybrid warfare."
    ),
    "bio": (
        "Andrew Korybko is an American political analyst who lives and works in Moscow.\n\n"
        "His analysis follows how US strategy plays out across Afro-Eurasia, how China's Belt and "
        "Road Initiative is reshaping trade routes, and how hybrid warfare blends information, "
        "economic and military pressure. He contributes regularly to this publication."
    ),
}
SOURCE = {
    "name": "Oriental Review",
    "slug": "oriental-review",
    "homepage": "https://orientalreview.org/",
    "description": "An online journal of analysis on international relations and geopolitics.",
    "reprint_terms": (
        "Reprints are welcome with a credit line naming the author and Oriental Review and a link "
        "to the original article. Print and commercial use need written permission."
    ),
}
REGION = {
    "name": "Latin America & Caribbean",
    "slug": "latin-america-caribbean",
    "description": (
        "Analysis of politics, security and economics from Mexico to Tierra del Fuego and across the Caribbean."
    ),
}
THEMES = [
    {
        "name": "Militarization and WMD",
        "slug": "militarization-and-wmd",
        "description": "Arms build-ups, military alliances and weapons of mass destruction.",
    },
    {
        "name": "US NATO War Agenda",
        "slug": "us-nato-war-agenda",
        "description": "The strategy and expansion of the United States and the NATO alliance.",
    },
]
TAGS = ["Colombia", "NATO", "elections", "Ivan Duque", "Gustavo Petro"]

# No photograph of the evening exists in the demo: the figure is a chart of the first-round result,
# drawn at load time from the figures the article reports, and captioned as a chart.
FIGURE_CHART = {
    "title": "Colombia's presidential election, first round, 27 May 2018",
    "labels": ["Ivan Duque", "Gustavo Petro", "All other candidates"],
    "values": [39.1, 25.9, 35.0],
    "unit": "%",
    "note": "SHARE OF THE VOTE, AS REPORTED AFTER THE COUNT",
}
FIGURE = {
    "alt_text": (
        "Bar chart of the first-round vote in Colombia's presidential election on 27 May 2018: "
        "Ivan Duque 39.1 per cent, Gustavo Petro 25.9 per cent, all other candidates 35 per cent."
    ),
    "caption": (
        "Chart: the first round of Colombia's presidential election on 27 May 2018. Ivan Duque of the "
        "Democratic Center party came first with about 39 per cent of the vote and Gustavo Petro second "
        "with about 26 per cent; the two meet again in the run-off on 17 June."
    ),
    "credit": "Crosspost demo illustration",
}
# What the figure was before it was drawn as a chart: loading the demo again removes that picture.
RETIRED_FIGURE_ALT_TEXT = (
    "Ivan Duque raises his arms on a stage beside members of his family after the first-round vote."
)

# The body, in our own words; {figure} is replaced by the picture's embed code.
BODY = """
<p>NATO's interest in Colombia is easy to explain. The country has one of the strongest economies in
the hemisphere, belongs to the <a href="https://alianzapacifico.net/en/">Pacific Alliance</a> with Mexico,
Peru and Chile, has close to fifty million people, and exports oil and coal. The
<a href="https://en.wikipedia.org/wiki/Colombian_peace_process">2016 peace agreement</a> with the FARC removed
the main obstacle to using that potential, and decades of military cooperation with Washington make
Bogotá an obvious first partner for the alliance in the Americas.</p>
<h2>A partner on the hinge of two continents</h2>
<p>With the civil war formally over, Colombia can serve as a base for the alliance where North and
South America meet. That position faces two members of the ALBA bloc: Venezuela, its neighbour, whose
crisis has already pushed migrants across the border, and Nicaragua, with which Colombia has argued
over waters in the Caribbean.</p>
<blockquote><p>In short: a partnership framed as cooperation could turn Colombia into a lever against its
neighbours.</p></blockquote>
{figure}
<h2>Two candidates, two directions</h2>
<p>The run-off on 17 June decides how far this goes. Ivan Duque, the right-wing candidate backed by the
outgoing establishment, finished the first round about fifteen points ahead of Gustavo Petro but short
of an outright majority. Duque has said he would revisit parts of the peace agreement, which could
reopen the conflict; Petro, a former mayor of Bogotá, runs on a programme of social reform.</p>
<hr>
<p>A Duque victory would suit NATO's regional plans and could even give the alliance fresh combat
experience if fighting with the FARC resumed. A Petro victory would put the whole arrangement in doubt.</p>
"""

PUBLICATION = {
    "site_name": "Crosspost Review",
    "tagline": "Independent analysis, republished with full attribution.",
    "reprint_disclaimer": (
        "The views in this article are the author's own. Crosspost Review is not responsible for any "
        "inaccurate or incorrect statement in it. Community websites may cross-post our articles if "
        "they credit the author and the original source and link back to the article here. For print "
        "or commercial reuse, please ask for permission first."
    ),
    "fair_use_notice": (
        "This site includes copyrighted material whose use the copyright owner has not always "
        "specifically authorised. We make it available, without profit, to readers interested in it "
        "for research and education, as we believe “fair use” allows. To use such material beyond "
        "fair use, you need the copyright owner's permission."
    ),
    "comment_link_text": "Discuss our articles on our forum",
    "comment_link_url": "https://forum.example.org/",
    "membership_link_text": "Become a member of Crosspost Review",
    "membership_link_url": "https://example.org/membership/",
    "media_contact_email": "media@example.org",
    "permissions_contact_email": "permissions@example.org",
}

"""The demo publication's articles: hand-written, fictional but plausible analysis.

Each entry is one article. `days_ago` places it relative to the day the loader runs; a cross-post
(`source` set) first appeared a few days earlier. `body` is plain text: paragraphs are separated by
blank lines, a line starting with "## " is a heading and one starting with "> " a quotation.
`picture` says what to draw (devtools.demo.pictures): a "map", a "bars" or "line" chart of
illustrative data, or an "abstract" composition.

No one quoted here is a real person, and the figures in the charts are illustrative, not statistics.
"""

# Areas for the maps, as (west, south, east, north) in degrees.
LATIN_AMERICA = (-95, -45, -35, 25)
CARIBBEAN = (-92, 6, -58, 28)
EUROPE = (-12, 35, 40, 70)
EURASIA = (25, 30, 110, 72)
MIDDLE_EAST = (-12, 8, 64, 42)
AFRICA = (-20, -36, 52, 30)
SOUTH_ASIA = (58, 2, 100, 40)
INDO_PACIFIC = (95, -45, 180, 42)
NORTH_AMERICA = (-170, 12, -50, 80)
WORLD = (-180, -58, 180, 80)

ARTICLES = [
    {
        "slug": "lithium-triangle-royalties",
        "title": "Who Gets the Lithium Money? The Andean Triangle Rewrites Its Royalty Rules",
        "dek": "Chile, Argentina and Bolivia hold most of the world's known lithium brine. Each is now changing how much of the windfall stays at home, and each has chosen a different way to do it.",
        "authors": ["tomas-echeverria"],
        "regions": ["latin-america-caribbean"],
        "themes": ["energy", "global-economy"],
        "tags": ["lithium", "mining", "Chile", "Argentina", "Bolivia"],
        "source": "meridian-quarterly",
        "days_ago": 1,
        "picture": {
            "kind": "bars",
            "title": "Share of lithium export value kept as royalties and taxes",
            "labels": ["Chile", "Bolivia", "Argentina", "Peru"],
            "values": [34, 28, 11, 8],
            "unit": "%",
        },
        "body": """
The salt flats where Chile, Argentina and Bolivia meet hold more lithium than anywhere else on Earth, and for a decade the three governments have watched batteries turn that brine into one of the most sought-after commodities of the energy transition. The question they now face is not whether to mine it but who should keep the money.

Chile has taken the most centralised route. Its state copper company is being made a partner in the largest brine operations, with royalties on a sliding scale that rises with the price. The model promises a larger public share when prices are high, but it also ties the treasury to a market that has already swung wildly twice in five years.

Argentina has gone the other way. Its provinces own the subsoil, and each has set its own terms to attract investors, with royalties capped at a low national ceiling. The result has been a rush of projects and a patchwork of rules, in which the same company may pay very different amounts a few hundred kilometres apart.

## Bolivia's long wait

Bolivia, with the largest resources of the three, has insisted on state control for fifteen years and has little to show for it. Its high-altitude brines are rich in magnesium, which makes them harder to process, and successive partnerships with foreign firms have stalled. A new round of contracts promises direct extraction technology, but the legislature has yet to approve them.

> The real contest is less between governments and companies than between provinces, capitals and the communities who live beside the flats.

That last point is the one most often left out. The brine operations use water in one of the driest places on the planet, and indigenous communities around the salt flats have gone to court in all three countries to demand consultation and a share of the proceeds. Any royalty regime that ignores them is likely to be rewritten again within a decade.
""",
    },
    {
        "slug": "caribbean-parametric-insurance",
        "title": "After the Hurricane, the Bill: Caribbean States Test Parametric Insurance",
        "dek": "Policies that pay out automatically when a storm crosses a threshold have given small island governments cash within days. They have also exposed how little of the damage insurance can cover.",
        "authors": ["tomas-echeverria"],
        "regions": ["latin-america-caribbean"],
        "themes": ["environment", "global-economy"],
        "tags": ["hurricanes", "insurance", "climate finance", "Caribbean"],
        "source": "harbour-policy-review",
        "days_ago": 38,
        "picture": {
            "kind": "map",
            "area": CARIBBEAN,
            "focus": [(-72, 19, 4), (-61, 15, 3)],
            "label": "The Caribbean",
            "subject": "the Caribbean basin, with the islands of the Greater and Lesser Antilles highlighted",
        },
        "body": """
When a hurricane flattens a small island, the first problem is not the size of the bill but the speed of the cash. Governments need money within days to pay for emergency shelter, fuel and wages, long before any damage assessment is complete. Parametric insurance was designed for exactly that moment.

Instead of paying for losses that must be measured, a parametric policy pays a fixed sum when a measurable event occurs: wind speed above a threshold at a given point, or rainfall above a certain depth. The Caribbean's regional insurance pool has paid out this way after most of the major storms of the past fifteen years, often within two weeks.

## Fast, but small

The speed is real, and finance ministers across the region credit it with keeping public services running. But the sums are small compared with the damage. A payout that covers a few weeks of government spending does little for a country whose annual output has been wiped out in an afternoon, as happened to more than one island in recent seasons.

There is also what insurers call basis risk: the storm that devastates a coast may not trigger the policy because its strongest winds passed a few kilometres from the measuring point. Several governments have paid premiums for years and received nothing after storms that their citizens will never forget.

The lesson regional officials draw is that insurance is one layer among several. Contingency credit lines, debt clauses that pause repayments after a disaster, and reserve funds all have a place. The harder question, which no policy answers, is who should pay for losses caused by a climate that small islands did almost nothing to change.
""",
    },
    {
        "slug": "amazon-fire-prosecutions",
        "title": "Why Amazon Fire Cases Stall in Court",
        "dek": "Satellites can see an illegal fire within hours. Turning that evidence into a conviction takes years, and most cases never get there.",
        "authors": ["tomas-echeverria", "ingrid-halvorsen"],
        "regions": ["latin-america-caribbean"],
        "themes": ["law-and-justice", "environment"],
        "tags": ["Amazon", "deforestation", "courts", "satellite monitoring"],
        "source": None,
        "days_ago": 71,
        "picture": {
            "kind": "line",
            "title": "Environmental fines paid, as a share of fines issued",
            "labels": [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025],
            "values": [6, 5, 5, 3, 2, 2, 4, 7, 9, 11],
            "unit": "%",
        },
        "body": """
Few crimes leave as clear a trace as a forest fire. Satellite systems in use across the Amazon basin detect hot spots several times a day, and cleared land shows up in imagery within weeks. Environmental agencies know, often within days, where forest has been burned and who holds the land.

And yet the path from that evidence to a penalty is long and leaky. Fines issued by environmental agencies are appealed through several administrative layers before they reach a court, and each layer has its own deadlines. Cases that take too long expire. For years, only a small fraction of the fines issued were ever paid.

## Where the chain breaks

Lawyers who work on these cases point to three weak links. Land titles in the frontier states are often disputed or fraudulent, so the person who profits from a clearing may not be the person named on the land register. Satellite images are accepted as evidence, but courts still ask for field inspections that agencies lack the staff to carry out. And prosecutors must prove intent, which a fire spreading from a neighbouring pasture makes easy to deny.

Recent reforms have targeted each of these. Agencies now link fines to the land itself, so that a sale does not erase the debt. Banks are barred from lending to properties with open environmental penalties, which has done more to change behaviour than many prosecutions. Payment rates have begun to climb, though from a very low base.

Prosecutors in the region are cautious about declaring success. Enforcement has risen and fallen with governments before, and the networks that finance illegal clearing have learned to adapt. What has changed is that the evidence is no longer the problem; the institutions that must act on it are.
""",
    },
    {
        "slug": "baltic-grid-synchronisation",
        "title": "Cutting the Last Wire: What the Baltic Grid Switch Means for Europe's Energy Security",
        "dek": "Estonia, Latvia and Lithuania have left the electricity system they shared with Russia and Belarus since Soviet times. The switch went smoothly; protecting the new links under the Baltic Sea is the harder part.",
        "authors": ["ingrid-halvorsen"],
        "regions": ["europe", "russia-eurasia"],
        "themes": ["energy", "us-nato-war-agenda"],
        "tags": ["electricity", "Baltic states", "infrastructure", "undersea cables"],
        "source": "northern-lights-journal",
        "days_ago": 2,
        "picture": {
            "kind": "map",
            "area": EUROPE,
            "focus": [(24, 57, 3.5)],
            "label": "The Baltic states",
            "subject": "northern and central Europe, with Estonia, Latvia and Lithuania highlighted",
        },
        "body": """
For three decades after independence, the electricity grids of Estonia, Latvia and Lithuania remained part of a synchronous system run from Moscow. Their power flowed at a frequency set by Russian dispatchers, and in a crisis their lights depended on decisions taken outside the European Union. Ending that arrangement has been a stated goal of all three governments since they joined the bloc.

The switch itself was an engineering exercise planned for years: the three grids disconnected, ran alone for a day as an island, and then joined the continental European system through links with Poland. Engineers had prepared for frequency swings and emergency load shedding. In the event, consumers noticed nothing.

## The new vulnerability

What the switch changes is where the risk lies. The Baltic grids now depend on a handful of connections: one land link to Poland and several cables under the Baltic Sea to Finland and Sweden. In the past two years, several undersea cables and a gas pipeline in the region have been damaged by ships dragging anchors, in incidents that investigators are still trying to attribute.

NATO governments have responded with naval patrols and new monitoring of ships that loiter near cables. Insurers and grid operators are asking for something more mundane: spare cable stocks, repair ships on standby and redundancy that lets the grid ride out the loss of any single link.

The Baltic switch is likely to be studied as a model by other countries that want to leave a neighbour's grid. Its lesson is that independence in energy is not a single cut but a continuing cost, paid in maintenance, surveillance and spare capacity.
""",
    },
    {
        "slug": "european-joint-arms-procurement",
        "title": "Europe Buys Weapons Together, Slowly: The Limits of Joint Procurement",
        "dek": "European governments have promised to buy more of their ammunition and air defence together. The first contracts show both what pooling can do and why national habits die hard.",
        "authors": ["daniel-whitcombe"],
        "regions": ["europe"],
        "themes": ["militarization-and-wmd", "us-nato-war-agenda", "global-economy"],
        "tags": ["defence spending", "procurement", "European Union", "ammunition"],
        "source": "meridian-quarterly",
        "days_ago": 27,
        "picture": {
            "kind": "bars",
            "title": "Share of equipment spending on joint European projects",
            "labels": ["Target", "This year", "Five years ago", "Ten years ago"],
            "values": [35, 18, 11, 16],
            "unit": "%",
        },
        "body": """
European defence ministers have agreed for years that buying weapons separately is wasteful. Twenty-odd armies run dozens of different types of armoured vehicle, artillery piece and air defence system, each with its own supply chain, spare parts and training. Joint procurement promises lower prices, faster deliveries and armies that can fight alongside one another.

The war in Ukraine turned that aspiration into contracts. Governments pooled orders for artillery shells, the European Union offered money to manufacturers who expanded production, and several countries signed up to buy the same air defence systems. Production of some types of ammunition has more than doubled.

## Why pooling stalls

Yet the share of equipment bought jointly remains well below the targets governments set themselves. Defence ministries like to keep their own suppliers busy, especially in regions where an arms factory is the largest employer. Each army's requirements differ in ways that engineers say are small and generals say are essential. And joint contracts take longer to negotiate, which matters when stocks are low.

There is also a quieter tension over where the money goes. Some governments want joint purchases to favour European manufacturers; others want the fastest delivery, which often means buying American or South Korean systems off the shelf. Both camps invoke security, and both have a point.

The likeliest outcome is a European defence market that is more integrated than before but far from unified: common ammunition and a few shared systems, and national champions for the rest. Whether that is enough depends on how long governments expect to need the shells.
""",
    },
    {
        "slug": "rhine-low-water-shipping",
        "title": "When the Rhine Runs Low: Drought, Barges and Europe's Factory Floor",
        "dek": "Dry summers have repeatedly left the Rhine too shallow for fully loaded barges. Industry along the river is learning that its cheapest transport route is also its most fragile.",
        "authors": ["ingrid-halvorsen"],
        "regions": ["europe"],
        "themes": ["environment", "global-economy"],
        "tags": ["Rhine", "drought", "shipping", "Germany"],
        "source": "atlas-economic-monitor",
        "days_ago": 55,
        "picture": {
            "kind": "line",
            "title": "Lowest summer water level at a Rhine gauge, metres",
            "labels": [2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025],
            "values": [0.9, 1.2, 1.0, 0.5, 0.8, 0.9, 1.3, 0.4, 0.8, 1.1, 0.6],
            "unit": "m",
        },
        "body": """
The Rhine carries more freight than any other river in Europe: coal and ore for steelworks, chemicals, grain, fuel and containers, from the North Sea ports deep into Germany and Switzerland. For much of the year, barges are the cheapest way to move it. But in a dry late summer, the river can fall so low at its shallowest stretches that barges must sail with a fraction of their cargo.

That happened in several recent summers, and each time the cost rippled through the economy. Freight rates multiplied, fuel depots ran short, and some chemical plants cut production because they could not receive raw materials. Economists have estimated that low water in one of those years shaved a measurable amount off German industrial output.

## Adapting the river, or the industry

Two kinds of response are under way. The first is to change the river: deepening the shallowest sections, a project that has been discussed for decades and is now funded, though it will take years and faces objections from conservation groups. The second is to change the boats and the supply chains: shallower barges, more storage at the plants, and contracts that shift freight to rail when water is low.

Neither removes the underlying risk. Climate models for the Alps suggest that as glaciers shrink, the summer flow they feed into the Rhine will become less reliable. A river that once had a built-in reservoir in its mountain ice may become more dependent on rain.

For the industries along its banks, the Rhine is becoming a lesson in the price of efficiency. The cheapest route was cheap partly because nobody paid for the risk of it failing. Now they are beginning to.
""",
    },
    {
        "slug": "election-deepfakes-europe",
        "title": "The Deepfake That Didn't Matter, and the Rumour That Did",
        "dek": "Fears that fabricated videos would swing Europe's recent elections have so far proved overblown. Cheaper, older tricks did more damage.",
        "authors": ["lena-vogt"],
        "regions": ["europe"],
        "themes": ["media-and-disinformation"],
        "tags": ["elections", "deepfakes", "disinformation", "social media"],
        "source": None,
        "days_ago": 9,
        "picture": {
            "kind": "abstract",
            "motif": "circles",
            "evokes": "voices that overlap and drown one another out",
        },
        "body": """
Before each of the recent elections in Europe, experts warned that a convincing fake video of a candidate, released a day before the vote, could change the result. Election authorities set up rapid-response teams and platforms promised to label synthetic media. The fake videos duly appeared. Their effect, as far as researchers can measure it, was small.

Part of the reason is that the most sensational fakes were debunked quickly, often by the very news organisations that audiences already trusted. Another part is that people who shared them mostly already held the views the video confirmed. A fake rarely persuaded; it rallied.

## Old tricks, new reach

What did more damage, according to monitoring groups, was older and cheaper: a misleading claim about how or where to vote, a real photograph attached to a false story, a rumour passed through closed messaging groups where no fact-checker could see it. These spread more slowly but lasted longer, and they were far harder to correct because no single piece of content could be taken down.

The lesson for regulators is uncomfortable. Rules written for deepfakes, such as labelling requirements for synthetic images, are useful but address a narrow problem. The harder task is supporting the local journalism and public information services that people turn to when they are unsure what is true.

There is a risk, too, in overstating the threat. Telling voters that they cannot believe anything they see may do the work of disinformation for it. The researchers who study these campaigns increasingly argue that the right message is not alarm, but a reminder of where reliable information can be found.
""",
    },
    {
        "slug": "cold-war-radio-archives",
        "title": "Voices Across the Curtain: What Cold War Radio Archives Tell Us About Propaganda Today",
        "dek": "Newly catalogued recordings of Cold War broadcasts show how both sides tried to win listeners rather than arguments, a lesson today's information wars keep relearning.",
        "authors": ["lena-vogt"],
        "regions": ["europe", "russia-eurasia"],
        "themes": ["history", "media-and-disinformation"],
        "tags": ["Cold War", "radio", "propaganda", "archives"],
        "source": "northern-lights-journal",
        "days_ago": 112,
        "picture": {
            "kind": "abstract",
            "motif": "arcs",
            "evokes": "radio waves spreading from a transmitter",
        },
        "body": """
For four decades, radio was the main battlefield of the information war in Europe. Stations funded by Western governments broadcast news, music and commentary across the Iron Curtain, while Eastern bloc states jammed them and answered with their own foreign services. Thousands of hours of these broadcasts survive in archives that are only now being catalogued and made searchable.

Listening to them today is a lesson in how propaganda actually worked. The most effective programmes were rarely the most ideological. They were the ones that played the music young people wanted, read out letters from listeners and reported local news that domestic media ignored. Credibility, built slowly, was the real product.

## Jamming and its limits

The archives also document the other side's response. Jamming was expensive and leaky: listeners learned which frequencies came through at which hours, and the very act of blocking a station told people it was worth hearing. Internal reports from broadcasting authorities in the East show officials worrying less about the content of Western programmes than about their popularity.

There are obvious parallels with today's arguments over foreign-funded media, platform bans and state broadcasters. Governments on all sides still face the choice between blocking what they dislike and competing with it, and the historical record suggests that blocking alone rarely works for long.

The archives are also a warning against nostalgia. Cold War broadcasters made mistakes, amplified rumours and sometimes served their funders' interests over their listeners'. The lesson historians draw is not that one side told the truth, but that audiences were more discerning than either side assumed.
""",
    },
    {
        "slug": "kazakhstan-caspian-pipelines",
        "title": "Between Two Pipelines: Kazakhstan's Balancing Act on the Caspian",
        "dek": "Most of Kazakhstan's oil still reaches the world through Russia. A trans-Caspian route to the west has been discussed for thirty years; sanctions have made it a priority, but not yet a pipeline.",
        "authors": ["aigerim-sadykova"],
        "regions": ["russia-eurasia", "south-central-asia"],
        "themes": ["energy", "global-economy"],
        "tags": ["Kazakhstan", "Caspian Sea", "oil", "pipelines"],
        "source": "oriental-review",
        "days_ago": 15,
        "picture": {
            "kind": "map",
            "area": EURASIA,
            "focus": [(52, 42, 5), (68, 48, 6)],
            "label": "The Caspian and Kazakhstan",
            "subject": "Eurasia from the Black Sea to western China, with the Caspian region and Kazakhstan highlighted",
        },
        "body": """
Kazakhstan is one of the world's larger oil exporters, yet it has no coast on an open sea. Roughly four-fifths of its crude leaves through a single pipeline that crosses southern Russia to a terminal on the Black Sea. When that terminal has been halted, for storm damage, inspections or reasons Moscow did not explain, Kazakhstan's export revenues have stalled with it.

The alternative has always been to go west across the Caspian: by tanker to Azerbaijan, then by the existing pipeline through Georgia to Turkey. Volumes on that route have grown since sanctions on Russia began, but they remain modest. Tankers on the Caspian are small, ports need expansion, and a pipeline along the seabed has been blocked for decades by disputes over the sea's legal status.

## Neither side, both sides

Kazakhstan's government describes its foreign policy as multi-vector, and its energy policy follows the same logic. It has no interest in provoking Russia, which is its largest neighbour and trading partner, and it needs Russian transit for years to come. But it also wants enough alternatives that no single neighbour can turn off its income.

China offers a third direction. Pipelines already carry Kazakh gas and some oil east, and Chinese companies are investing in the railways and ports of the so-called Middle Corridor, which links Central Asia to Europe across the Caspian without touching Russia.

The result is a country building options rather than choosing sides. That is prudent, but also slow: each alternative route is a long-term project that depends on neighbours' cooperation. For now, the pipeline through Russia remains the one that matters most.
""",
    },
    {
        "slug": "northern-sea-route-shipping",
        "title": "Ice, Insurance and Icebreakers: The Northern Sea Route's Uneven Boom",
        "dek": "Melting sea ice has opened a shorter shipping route between Asia and Europe along Russia's Arctic coast. Traffic is growing, but it is mostly Russian cargo, and the route is still a risk few shippers will take.",
        "authors": ["ingrid-halvorsen"],
        "regions": ["russia-eurasia"],
        "themes": ["environment", "global-economy"],
        "tags": ["Arctic", "shipping", "sea ice", "Russia"],
        "source": "harbour-policy-review",
        "days_ago": 63,
        "picture": {
            "kind": "line",
            "title": "Voyages through the Northern Sea Route per season",
            "labels": [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025],
            "values": [19, 27, 27, 37, 64, 85, 43, 75, 92, 98],
            "unit": "",
        },
        "body": """
On a map, the case for the Northern Sea Route is obvious. A ship sailing from Shanghai to Rotterdam along Russia's Arctic coast travels about a third less distance than one going through the Suez Canal. As summer sea ice has retreated, the window in which ships can make that passage has grown from weeks to months.

Traffic has grown accordingly, but not in the way early forecasts imagined. Most voyages carry Russian oil, gas and minerals from Arctic projects to China, and the international container lines that were expected to use the route as a shortcut have largely stayed away.

## Why shippers hesitate

The reasons are practical. Container lines run to fixed schedules, and Arctic ice remains unpredictable even in a warm year. Ships need strengthened hulls and crews trained for ice. Insurance costs more, search and rescue is sparse, and ports of refuge are few. For a business built on reliability, a route that might save ten days and might cost three weeks is not a bargain.

Sanctions have added another layer. Many Western shipping companies avoid Russian-controlled waters altogether, and the route's administration is run by Russia's state nuclear corporation, which operates the icebreaker fleet. That has pushed the route further towards a bilateral corridor between Russia and Asia.

Environmental researchers worry about a different cost. Heavy fuel oil, black carbon from ship exhausts and the risk of spills in ice all threaten an ecosystem that is already changing faster than almost any other on Earth. Rules limiting the dirtiest fuels in Arctic waters are being phased in, with exemptions that critics say are too generous.
""",
    },
    {
        "slug": "central-asia-soviet-water-map",
        "title": "The Soviet Water Map Still Rules Central Asia",
        "dek": "The canals and dams built to grow Soviet cotton split the region's rivers between upstream and downstream states. Thirty years after independence, the rules for sharing them are still being written.",
        "authors": ["aigerim-sadykova"],
        "regions": ["russia-eurasia", "south-central-asia"],
        "themes": ["history", "law-and-justice", "environment"],
        "tags": ["water", "Aral Sea", "Central Asia", "Soviet Union"],
        "source": None,
        "days_ago": 90,
        "picture": {
            "kind": "abstract",
            "motif": "contours",
            "evokes": "the mountains where Central Asia's rivers rise",
        },
        "body": """
In Soviet times, Central Asia's water was managed as a single system. The mountains of what are now Kyrgyzstan and Tajikistan stored water in reservoirs over the winter and released it in summer to irrigate cotton in the plains of Uzbekistan and Turkmenistan. In return, the downstream republics sent gas and coal upstream to keep the mountain towns warm.

Independence broke that exchange. Upstream states wanted to release water in winter to generate electricity, exactly when the downstream farms did not need it. Downstream states stopped sending cheap fuel. Each side accused the other of breaking the old bargain, and both were right.

## Dams, canals and treaties

The disputes have flared over big projects. Tajikistan's plan for one of the world's tallest dams alarmed Uzbekistan for years, until a change of leadership in Tashkent brought a more cooperative approach. Afghanistan, long absent from regional water talks, is now digging a large canal that would draw water from the Amu Darya, a project that neighbours fear could take a significant share of the river's flow.

What the region lacks is a binding framework. Agreements signed in the 1990s largely copied the Soviet quotas, and they have no real mechanism for resolving disputes or adapting to a changing climate. As glaciers in the Pamir and Tian Shan shrink, the assumption behind those quotas, that the rivers will carry roughly the same water each year, is becoming harder to defend.

The Aral Sea, largely drained by Soviet irrigation, is the reminder of what mismanagement costs. Its northern part has partly recovered thanks to a dam and patient cooperation. That small success is often cited as proof that the region's water can be shared, if the will is there.
""",
    },
    {
        "slug": "sanctions-shadow-tanker-fleet",
        "title": "The Shadow Fleet: How Sanctions Reshaped the Oil Tanker Trade",
        "dek": "Hundreds of ageing tankers with opaque owners now carry oil that Western sanctions were meant to restrict. The trade has found a way around the rules and created new risks at sea.",
        "authors": ["kenji-morita"],
        "regions": ["russia-eurasia", "middle-east-north-africa"],
        "themes": ["energy", "law-and-justice"],
        "tags": ["sanctions", "oil", "shipping", "maritime law"],
        "source": "atlas-economic-monitor",
        "days_ago": 44,
        "picture": {
            "kind": "bars",
            "title": "Average age of tankers by fleet, years",
            "labels": ["Shadow fleet", "Global fleet", "Major lines"],
            "values": [19, 13, 9],
            "unit": "years",
        },
        "body": """
When Western governments capped the price of Russian oil, they relied on a simple lever: most of the world's tankers are insured, financed or classed by Western companies, which could refuse to serve cargoes sold above the cap. The lever worked for a while. Then a parallel fleet grew to carry the oil without Western services.

Shipping analysts estimate that several hundred tankers now operate in this shadow trade. Many are near the end of their working lives, bought second-hand through shell companies registered in jurisdictions that ask few questions. Their insurance, if any, comes from providers with little capacity to pay for a major spill.

## Risks for everyone at sea

The trade is not limited to Russian oil; similar fleets have long served Iranian and Venezuelan exports. What has changed is the scale. Tankers switching off their location transponders, transferring cargo between ships in open water and changing names and flags have become routine in several busy straits.

Coastal states are increasingly worried. A spill from an uninsured ship could leave them with the clean-up bill, and several near-collisions have been reported in crowded waters. Some governments have begun checking insurance documents of tankers passing through their waters, a step that raises hard questions under the law of the sea, which guarantees passage to ships of all flags.

Sanctions designers face a dilemma. Tightening enforcement pushes more oil into the shadow fleet, while loosening it defeats the purpose of the sanctions. The most promising tools may be the least dramatic: pressure on flag registries, shipyards and the few remaining service providers the shadow fleet still needs.
""",
    },
    {
        "slug": "nile-dam-negotiations",
        "title": "The Nile Negotiations Nobody Wants to Lose",
        "dek": "Ethiopia's great dam on the Blue Nile is complete and generating power. Egypt and Sudan still want a binding agreement on how it is filled and run, and a dry decade could test everyone's patience.",
        "authors": ["samir-khoury"],
        "regions": ["middle-east-north-africa", "sub-saharan-africa"],
        "themes": ["environment", "law-and-justice"],
        "tags": ["Nile", "Ethiopia", "Egypt", "Sudan", "dams"],
        "source": "meridian-quarterly",
        "days_ago": 33,
        "picture": {
            "kind": "map",
            "area": (20, 0, 50, 34),
            "focus": [(35, 11, 3), (31, 27, 3)],
            "label": "The Nile basin",
            "subject": "northeast Africa from the Mediterranean to the Ethiopian highlands, with the dam's region and the lower Nile highlighted",
        },
        "body": """
For Ethiopia, the dam on the Blue Nile is a national project of the first order: a source of electricity for a country where many people still have none, financed largely by its own citizens. For Egypt, which depends on the Nile for almost all its fresh water, it is a structure upstream that another government controls. Both views are sincere, and both are reasonable.

The dam has been filled in stages over several rainy seasons, without the binding agreement Egypt and Sudan sought. Each filling passed without the catastrophe some had predicted, largely because the rains were good. The negotiations, mediated at various times by the African Union and others, have stalled repeatedly on the same point: what happens in a prolonged drought.

## The drought clause

Egypt wants guaranteed releases during dry years, so that the dam does not hold back water when downstream needs it most. Ethiopia argues that it cannot accept quotas that would limit its future use of a river that rises on its territory, and that older treaties allocating the Nile's waters were signed without it.

Sudan sits in between. It stands to gain from a regulated river that reduces floods and evens out flows to its own dams, but it also worries about safety and coordination. Its internal conflict has made it a less active party to the talks.

Legal scholars note that international water law offers principles, such as equitable use and the duty not to cause significant harm, but no formula. In the end, the shape of an agreement will depend on data sharing and trust, which are harder to negotiate than numbers.
""",
    },
    {
        "slug": "lebanon-depositors-banking-crisis",
        "title": "Five Years Without Their Savings: Lebanon's Depositors and the Law",
        "dek": "Lebanon's banks stopped paying depositors in dollars in 2019. A law to share out the losses is still being argued over, and every year of delay shifts more of the cost to ordinary savers.",
        "authors": ["samir-khoury"],
        "regions": ["middle-east-north-africa"],
        "themes": ["law-and-justice", "poverty-social-inequality", "global-economy"],
        "tags": ["Lebanon", "banking crisis", "depositors", "financial law"],
        "source": "harbour-policy-review",
        "days_ago": 80,
        "picture": {
            "kind": "line",
            "title": "What a dollar deposit is worth when withdrawn, in cents",
            "labels": [2019, 2020, 2021, 2022, 2023, 2024, 2025],
            "values": [100, 38, 21, 16, 15, 15, 16],
            "unit": "",
        },
        "body": """
In the autumn of 2019, Lebanon's banks began refusing to let depositors withdraw their dollars. There was no law to say so; the banks simply stopped. Six years later, most of those deposits remain locked, and savers can withdraw only small amounts at exchange rates that wipe out most of their value.

The losses behind the freeze are enormous. Banks lent the bulk of their deposits to the central bank, which used them to defend the currency and finance the state. When that arrangement collapsed, the money was gone. The question ever since has been who will bear the loss: the state, the central bank, the banks' shareholders, or the depositors.

## A law that keeps being rewritten

Several drafts of a law to restructure the banks and share the losses have been written and rewritten. Each has run into the same opposition. Bank owners, many with close ties to political leaders, resist plans that would wipe out their equity first. Large depositors want protection for their savings, and small depositors are poorly represented.

Meanwhile, the cost is being shared by default. Every year that deposits are withdrawn at a fraction of their value, savers absorb losses that a formal restructuring might have assigned to others. Economists call this a silent haircut, and it falls hardest on people without foreign accounts or political connections.

Some depositors have taken their banks to courts abroad, with mixed results. At home, a few have resorted to holding up bank branches to recover their own money, acts that drew wide public sympathy. Until a law is passed, the crisis will remain less a financial event than a slow, unequal redistribution.
""",
    },
    {
        "slug": "gulf-solar-desalination",
        "title": "Sun for Water: Can Gulf Desalination Go Solar?",
        "dek": "The Gulf states drink desalinated seawater made with fossil fuels. New plants powered by solar energy promise cleaner water, but brine and cost remain stubborn problems.",
        "authors": ["samir-khoury"],
        "regions": ["middle-east-north-africa"],
        "themes": ["energy", "environment", "science-and-medicine"],
        "tags": ["desalination", "solar power", "Gulf states", "water"],
        "source": None,
        "days_ago": 12,
        "picture": {
            "kind": "bars",
            "title": "Energy used to desalinate a cubic metre of seawater, kWh",
            "labels": ["Thermal plant", "Older membranes", "New membranes"],
            "values": [12, 5, 3],
            "unit": "kWh",
        },
        "body": """
Few places depend on desalination as completely as the Gulf. Cities along its shores drink water made from seawater, and the plants that make it have for decades been powered by burning oil and gas. That has made water one of the region's largest sources of emissions, and one of its least visible.

The technology is changing fast. Older thermal plants boiled seawater; newer ones push it through membranes at high pressure, using a fraction of the energy. At the same time, the cost of solar electricity in the Gulf has fallen to among the lowest in the world. Combining the two seems obvious, and several large projects are doing exactly that.

## The night-time problem

The difficulty is that solar panels stop at sunset and cities keep drinking. Desalination plants run best at a steady rate, so a solar-powered plant either needs batteries, a connection to a grid with other sources, or large water storage that lets it produce more by day. Engineers are experimenting with all three, and storing water turns out to be cheaper than storing electricity.

Brine is the other challenge. For every litre of fresh water, a plant returns more than a litre of concentrated salt water to the sea, often warmed and mixed with treatment chemicals. The Gulf is shallow and enclosed, and marine scientists worry about the cumulative effect of dozens of plants along its coasts.

Solar desalination will not solve every problem, but it changes the political arithmetic. Water that can be made with the sun rather than with exports of oil makes the region's cities less dependent on the fuel they sell, which may be the most important benefit of all.
""",
    },
    {
        "slug": "hejaz-railway-old-tracks",
        "title": "The Hejaz Railway and the Politics of Old Tracks",
        "dek": "Built by the Ottoman Empire to carry pilgrims to Medina, the Hejaz Railway ran for barely a decade. Its ruins, and plans to revive parts of it, still say a great deal about the region's borders.",
        "authors": ["samir-khoury"],
        "regions": ["middle-east-north-africa"],
        "themes": ["history"],
        "tags": ["Ottoman Empire", "railways", "Hejaz", "infrastructure"],
        "source": "northern-lights-journal",
        "days_ago": 130,
        "picture": {
            "kind": "abstract",
            "motif": "stripes",
            "evokes": "railway sleepers and the lines of tracks in the desert",
        },
        "body": """
At the start of the twentieth century, the Ottoman government set out to build a railway from Damascus to the holy cities of the Hejaz. It was presented as a pious project, to spare pilgrims a long and dangerous journey, and it was funded in part by donations from Muslims around the world. It was also a strategic one: a line that would let the empire move troops to its distant Arabian provinces.

The railway reached Medina in 1908 and carried pilgrims for only a few years. During the First World War it became a military target, and the raids on its tracks and bridges became the stuff of legend. After the war, the empire's collapse left the line crossing new borders drawn by Britain and France, and it was never rebuilt as a whole.

## What the ruins remember

Today the old stations and abandoned rolling stock stand in the deserts of Jordan and Saudi Arabia, some restored as museums, others slowly disappearing. A short section still runs in Jordan, and there have been periodic proposals to reconnect Damascus, Amman and the Hejaz by rail.

Those proposals tell us something about the region. A railway across several states requires agreement on customs, security and maintenance, and the borders that cut the Hejaz line have mostly been borders of distrust. The wars in Syria have put the northern part of any revival out of reach.

And yet the idea keeps returning, in part because the line represents a moment when the region was connected rather than divided. Historians are careful not to romanticise the empire that built it. But the railway's ruins are a reminder that the map of the Middle East has been redrawn before, and that infrastructure often outlives the politics that created it.
""",
    },
    {
        "slug": "sahel-after-western-bases",
        "title": "After the Bases Close: Security in the Sahel Without Western Troops",
        "dek": "French and American forces have left Mali, Burkina Faso and Niger at the demand of military governments. The insurgencies they were sent to fight have not gone away.",
        "authors": ["daniel-whitcombe", "ruth-adeyemi"],
        "regions": ["sub-saharan-africa"],
        "themes": ["militarization-and-wmd", "us-nato-war-agenda"],
        "tags": ["Sahel", "Mali", "Niger", "Burkina Faso", "counter-insurgency"],
        "source": "oriental-review",
        "days_ago": 6,
        "picture": {
            "kind": "map",
            "area": AFRICA,
            "focus": [(2, 15, 7)],
            "label": "The central Sahel",
            "subject": "Africa south of the Mediterranean, with the central Sahel highlighted",
        },
        "body": """
For a decade, Western troops were a fixture in the central Sahel. France led a large counter-insurgency mission across several countries, the United States ran a drone base in Niger, and a United Nations peacekeeping force operated in Mali. All of them are now gone, asked to leave by military governments that came to power in a series of coups.

The juntas argued that the foreign forces had failed: after ten years of operations, armed groups controlled more territory, not less. That argument resonated with many citizens, and the departures were greeted with celebrations in the capitals. The new governments turned instead to Russian military contractors and to each other, forming an alliance of Sahel states.

## What has changed on the ground

Assessing the results is difficult, because independent reporting in the region has become dangerous and restricted. Data compiled by conflict monitors suggests that violence has continued to rise, with armed groups expanding towards coastal West African states. Civilian deaths attributed to all sides, including government forces and their partners, remain high.

For Western governments, the episode has forced an uncomfortable review. Military partnerships that focused on killing insurgent leaders did little to address the grievances, from land disputes to absent public services, that armed groups exploit. The coups showed how little local support the partnerships had.

The coastal states to the south are now the front line of concern. Their governments are asking for help that looks different from the Sahel model: border policing, local development and intelligence sharing rather than foreign combat troops. Whether outside partners have learned enough to provide it remains an open question.
""",
    },
    {
        "slug": "zambia-debt-restructuring-lessons",
        "title": "Zambia's Debt Deal and the Lessons Creditors Did Not Learn",
        "dek": "Zambia took more than three years to restructure its debts after defaulting in 2020. The delay cost its citizens dearly, and the reforms meant to speed up the next case remain modest.",
        "authors": ["ruth-adeyemi"],
        "regions": ["sub-saharan-africa"],
        "themes": ["global-economy", "poverty-social-inequality"],
        "tags": ["Zambia", "sovereign debt", "IMF", "creditors"],
        "source": "atlas-economic-monitor",
        "days_ago": 21,
        "picture": {
            "kind": "bars",
            "title": "Who Zambia owed, by type of creditor",
            "labels": ["Bondholders", "Chinese lenders", "Other bilateral", "Multilateral"],
            "values": [30, 35, 10, 25],
            "unit": "%",
        },
        "body": """
When Zambia defaulted on its foreign bonds in late 2020, it became the first African country to do so during the pandemic, and a test of a new framework that the world's largest economies had agreed to speed up debt relief for poor countries. The test did not go well. It took more than three years before the main creditors agreed terms.

The reasons were structural. Zambia owed money to Western bondholders, to Chinese state banks, to other governments and to multilateral lenders such as the World Bank. Each group insisted that the others take comparable losses, and each had a different way of measuring what comparable meant. Chinese lenders, new to multilateral restructurings, were reluctant to accept the rules written by Western creditors.

## The cost of waiting

While creditors negotiated, Zambia's government cut spending, the currency fell and inflation rose. Households felt it through higher food and fuel prices. Public investment in schools and clinics was postponed. Economists estimate that a faster deal would have saved the country a measurable share of its output.

Since then, creditors have promised reforms: clearer timetables, early agreement on the debt sustainability analysis that sets the size of the losses, and a pause on debt payments while talks continue. Several of these are voluntary, and critics argue that without binding deadlines the next restructuring will be just as slow.

Zambia's case also revived a broader debate. Some economists call for a permanent international mechanism for sovereign bankruptcies, something like a court for countries. Creditors have resisted such proposals for decades. Until the rules change, the countries that most need quick relief will keep waiting the longest.
""",
    },
    {
        "slug": "mobile-money-rural-prosperity",
        "title": "Mobile Money Reached the Village. Did Prosperity Follow?",
        "dek": "Phone-based payments have spread across East Africa faster than bank branches ever did. The evidence on what they do for rural households is more mixed than the success story suggests.",
        "authors": ["ruth-adeyemi"],
        "regions": ["sub-saharan-africa"],
        "themes": ["poverty-social-inequality", "global-economy"],
        "tags": ["mobile money", "Kenya", "financial inclusion", "fintech"],
        "source": None,
        "days_ago": 50,
        "picture": {
            "kind": "line",
            "title": "Adults using a mobile money account, per cent",
            "labels": [2011, 2013, 2015, 2017, 2019, 2021, 2023, 2025],
            "values": [12, 24, 35, 44, 52, 58, 63, 66],
            "unit": "%",
        },
        "body": """
Few technologies have spread through rural Africa as fast as mobile money. Within a decade of the first services, a majority of adults in several East African countries were sending and receiving money by phone, paying school fees, buying seeds and receiving wages without ever entering a bank.

The benefits are real and well documented. Families can receive money from relatives in cities within minutes, which helps them weather a failed harvest or an illness. Studies have found that access to mobile money helped some households move out of extreme poverty, particularly those headed by women, who gained more control over their own savings.

## The limits of a payment system

But moving money is not the same as making it. Researchers who have followed villages over many years find that mobile money smooths shocks better than it builds wealth. The businesses it helps are mostly small traders; it has done less for farmers who need credit for equipment or irrigation.

Credit is where the picture turns darker. Apps that offer instant small loans, repaid by phone, have spread rapidly, and some charge effective interest rates that would be illegal for a bank. Regulators in several countries have cracked down on lenders who shamed borrowers by messaging their contacts, and over-indebtedness has become a recognised problem.

Mobile money's story is thus a reminder that infrastructure and prosperity are not the same thing. A payment system makes an economy more efficient. Whether that efficiency reaches the poorest depends on roads, markets, prices and the rules that govern lending, none of which an app can provide.
""",
    },
    {
        "slug": "malaria-vaccine-rollout",
        "title": "Two Doses Closer: The Uneven Rollout of Malaria Vaccines",
        "dek": "After decades of research, two malaria vaccines are being given to young children across Africa. Supply has improved, but reaching the children most at risk is proving harder than making the doses.",
        "authors": ["priya-raman"],
        "regions": ["sub-saharan-africa"],
        "themes": ["science-and-medicine", "poverty-social-inequality"],
        "tags": ["malaria", "vaccines", "public health", "children"],
        "source": "meridian-quarterly",
        "days_ago": 97,
        "picture": {
            "kind": "bars",
            "title": "Children who received all doses, by distance to a clinic",
            "labels": ["Under 2 km", "2 to 5 km", "5 to 10 km", "Over 10 km"],
            "values": [78, 64, 47, 31],
            "unit": "%",
        },
        "body": """
Malaria still kills hundreds of thousands of people each year, most of them young children in Africa. For decades, the hope of a vaccine seemed always a few years away. Now two vaccines have been approved and are part of routine childhood immunisation in a growing number of countries.

Neither is perfect. Both require several doses over many months and reduce, rather than eliminate, the risk of severe illness. But combined with bed nets, preventive medicines and prompt treatment, they have measurably reduced hospital admissions and deaths in the areas where they were first introduced.

## The last kilometres

The early constraint was supply: too few doses for the countries that wanted them. That has eased as production has expanded. The constraint now is delivery. Each child must return to a clinic four times, and the schedule does not always match other vaccines. Families who live far from a health centre, or who move with the seasons, are the ones most likely to miss doses, and they are often the ones most exposed to malaria.

Health workers have experimented with solutions: reminders by text message, community health workers who track each child, vaccination days timed to market days. Where these are funded, completion rates rise. Where they are not, the vaccine reaches the children who were already easiest to protect.

There are also questions about cost and funding. International donors pay for most of the doses today, and their budgets are under pressure. Vaccines that save lives are only as good as the health systems that deliver them, which makes the rollout as much a test of primary care as of science.
""",
    },
    {
        "slug": "copperbelt-cobalt-contracts",
        "title": "Cobalt, Contracts and the Courts in the Copperbelt",
        "dek": "The world's batteries depend on cobalt from the Democratic Republic of Congo. Renegotiated mining contracts promise the state a bigger share, but the communities around the mines are still waiting for theirs.",
        "authors": ["ruth-adeyemi"],
        "regions": ["sub-saharan-africa"],
        "themes": ["law-and-justice", "energy", "poverty-social-inequality"],
        "tags": ["cobalt", "DR Congo", "mining", "contracts"],
        "source": "harbour-policy-review",
        "days_ago": 140,
        "picture": {
            "kind": "map",
            "area": (10, -20, 40, 5),
            "focus": [(26, -11, 2.5)],
            "label": "The Copperbelt",
            "subject": "central Africa, with the Copperbelt mining region highlighted",
        },
        "body": """
More than half of the world's cobalt comes from a strip of land in the south of the Democratic Republic of Congo, where copper and cobalt lie close to the surface. As demand for batteries has grown, so has the scrutiny of how that cobalt is mined and who benefits from it.

The Congolese government has spent several years renegotiating contracts signed in earlier decades, arguing that they gave away too much for too little. One major agreement, under which infrastructure was to be built in exchange for mining rights, was revised to raise the state's share. Officials present the new terms as a recovery of sovereignty.

## Law on paper, law in practice

Congo's mining code is, on paper, among the more demanding in Africa: it sets royalties on strategic minerals, requires companies to contribute to local development funds and obliges them to consult affected communities. Enforcement is another matter. Local development funds have been slow to materialise, and residents displaced by mine expansions report compensation disputes that drag on for years.

Artisanal mining adds a further layer. Tens of thousands of people dig cobalt by hand, often in dangerous conditions and sometimes with children involved. Efforts to formalise this work, by creating designated zones and a state buyer, aim to make it safer and traceable, but have so far reached only a part of it.

Battery makers and car companies increasingly audit their supply chains, and some fund programmes in the mining towns. Critics note that audits can be a way of managing reputation rather than changing conditions. The test of the new contracts will be whether the revenue reaches the roads, schools and clinics of the Copperbelt.
""",
    },
    {
        "slug": "india-heat-action-plans",
        "title": "Cities Against the Heat: What India's Heat Action Plans Get Right",
        "dek": "After deadly heatwaves, Indian cities began writing plans to protect their residents. The best ones save lives with simple measures; many others exist mostly on paper.",
        "authors": ["priya-raman"],
        "regions": ["south-central-asia"],
        "themes": ["environment", "science-and-medicine", "poverty-social-inequality"],
        "tags": ["heatwaves", "India", "cities", "public health"],
        "source": "harbour-policy-review",
        "days_ago": 18,
        "picture": {
            "kind": "line",
            "title": "Days above 45°C in one city, per summer",
            "labels": [2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025],
            "values": [4, 7, 5, 6, 8, 9, 6, 10, 12, 9, 14, 11],
            "unit": "",
        },
        "body": """
A severe heatwave can kill more people than a cyclone, but it leaves no visible destruction. The victims are mostly elderly people alone at home, outdoor workers and people with chronic illnesses, and many deaths are never recorded as heat-related. For years, Indian cities treated heat as a fact of summer rather than a disaster to prepare for.

That changed after a particularly deadly heatwave in western India more than a decade ago. One city drew up the country's first heat action plan: an early-warning system, public messages on how to stay safe, cool drinking water at bus stops, longer opening hours for parks and training for health workers to recognise heatstroke. Researchers later estimated that the plan prevented many deaths.

## From plan to practice

Since then, heat action plans have multiplied across Indian cities and states. Their quality varies widely. An assessment by researchers found that many plans set thresholds for warnings that do not reflect local conditions, lack dedicated budgets and say little about the people most at risk, such as construction workers or people in informal settlements.

The most promising plans go beyond emergency response. They cool buildings with reflective roofs, plant trees in the hottest neighbourhoods, and change working hours for outdoor labour during the hottest weeks. Some employers resist, because shorter days cost money; some labour unions push for legal protection.

Heat is also an inequality issue. Wealthier residents can retreat to air-conditioned rooms, while the poor bear the full force of the heat at work and at home. As temperatures rise, the cities that treat heat as a public health problem, with budgets and accountability, will be the ones that keep their death tolls low.
""",
    },
    {
        "slug": "pakistan-flood-reconstruction",
        "title": "Rebuilding After the Floods: Pakistan's Reconstruction, Three Years On",
        "dek": "Catastrophic floods left a third of Pakistan under water. International pledges for reconstruction were generous; much of the money has been slow to arrive, and the next monsoon never waits.",
        "authors": ["priya-raman"],
        "regions": ["south-central-asia"],
        "themes": ["environment", "poverty-social-inequality"],
        "tags": ["Pakistan", "floods", "reconstruction", "climate finance"],
        "source": "atlas-economic-monitor",
        "days_ago": 60,
        "picture": {
            "kind": "map",
            "area": SOUTH_ASIA,
            "focus": [(69, 27, 4)],
            "label": "The lower Indus basin",
            "subject": "South Asia, with the lower Indus basin in Pakistan highlighted",
        },
        "body": """
The monsoon floods that struck Pakistan three years ago were among the worst disasters of their kind. Heavy rain and melting glaciers sent water across vast areas of Sindh and Balochistan, destroying homes, roads, crops and schools. Millions of people were displaced, and the economic losses were estimated in the tens of billions of dollars.

At an international conference soon after, donors pledged substantial sums for reconstruction, most of it as loans rather than grants. Since then, disbursement has been slow. Projects need designs, procurement and environmental reviews; donors attach conditions; and the country's own finances have been squeezed by a balance-of-payments crisis.

## Rebuilding better, or just rebuilding

Reconstruction in the worst-hit districts shows a mixed picture. Many families rebuilt their homes on their own, often in the same low-lying places and with the same materials, because they could not wait. Programmes that offered cash and technical advice for flood-resilient houses reached some of them, but not enough.

Agricultural recovery has been uneven too. Some fields remained waterlogged for months, and farmers without savings struggled to buy seed. Land ownership shaped who recovered: tenants and landless labourers, who depend on others' fields, had the fewest options.

The floods also renewed calls for a fairer system of climate finance. Pakistan contributes a tiny share of global emissions but faces some of the most severe consequences. A new international fund for loss and damage has been set up, but its resources are small compared with the scale of need. For the people of Sindh, the next monsoon remains the most pressing deadline.
""",
    },
    {
        "slug": "bangladesh-garment-wages",
        "title": "The Price of a Shirt: Wages and Safety in Bangladesh's Garment Industry",
        "dek": "A decade after a factory collapse killed more than a thousand workers, Bangladesh's garment factories are safer. Wages remain the industry's unfinished argument.",
        "authors": ["priya-raman", "ruth-adeyemi"],
        "regions": ["south-central-asia"],
        "themes": ["poverty-social-inequality", "global-economy", "law-and-justice"],
        "tags": ["Bangladesh", "garment industry", "wages", "labour rights"],
        "source": "meridian-quarterly",
        "days_ago": 104,
        "picture": {
            "kind": "bars",
            "title": "Where the price of a shirt goes",
            "labels": ["Brand and retailer", "Materials", "Factory", "Transport", "Worker wages"],
            "values": [59, 21, 12, 5, 3],
            "unit": "%",
        },
        "body": """
The collapse of a garment factory building near Dhaka more than a decade ago, which killed over a thousand workers, forced the global clothing industry to look at its supply chain. International brands signed a binding safety agreement with unions, inspectors examined thousands of factories, and many were repaired or closed. By most measures, factories in Bangladesh are now far safer than they were.

Wages are a different story. The garment industry employs millions of people, most of them women, and remains the backbone of the country's exports. The minimum wage has been raised several times, most recently after large protests, but inflation has eaten into the increases, and unions argue that it is still far below what a family needs to live on.

## Who can afford to pay more

Factory owners say they cannot pay more because international buyers push prices down and switch suppliers at the first sign of higher costs. Brands say they pay fair prices and that wages are set by governments. Studies of how the price of a garment is divided suggest that the worker's share is very small, and that even a significant wage rise would barely change the price in the shop.

Some brands have experimented with paying a little more per garment, ring-fenced for wages. These schemes are voluntary and their effects hard to verify. European rules that require large companies to check for human rights abuses in their supply chains may add pressure, though their final form has been weakened.

Bangladesh is also preparing to lose some of its trade preferences as it graduates from the group of least developed countries. That will sharpen competition and could make wage rises even harder to win, unless buyers and governments share the cost.
""",
    },
    {
        "slug": "south-china-sea-fishing-fleets",
        "title": "The Fishing Fleets on the Front Line of the South China Sea",
        "dek": "In the disputed waters of the South China Sea, the most frequent confrontations are not between warships but between fishing boats and coast guards. Their catch, and their role, is changing.",
        "authors": ["kenji-morita"],
        "regions": ["east-asia-pacific"],
        "themes": ["militarization-and-wmd", "law-and-justice", "environment"],
        "tags": ["South China Sea", "fisheries", "maritime disputes", "coast guards"],
        "source": "oriental-review",
        "days_ago": 10,
        "picture": {
            "kind": "map",
            "area": (98, -2, 128, 26),
            "focus": [(114, 11, 4)],
            "label": "The South China Sea",
            "subject": "Southeast Asia and southern China, with the central South China Sea highlighted",
        },
        "body": """
The South China Sea is one of the world's richest fishing grounds and one of its most contested stretches of water. Several governments claim overlapping parts of it, and an international tribunal's ruling on some of those claims a decade ago has been rejected by one of the parties. In this setting, fishing boats have become instruments of policy as well as of livelihood.

Fishermen from all the surrounding countries have fished these waters for generations. What has changed is the scale and organisation of some fleets. Analysts point to large numbers of vessels that appear to operate as maritime militias, staying for weeks near disputed reefs with little sign of fishing, supported by coast guard ships nearby.

## Coast guards instead of navies

Most of the confrontations involve coast guards: water cannon, blocking manoeuvres and boarding of smaller boats. Governments prefer coast guards because they look like law enforcement rather than military force, which keeps incidents below the threshold of armed conflict. But the vessels are increasingly large and armed, and the line between policing and military pressure is blurring.

The fish themselves are in trouble. Scientists estimate that stocks in the South China Sea have fallen sharply over recent decades, driven by overfishing and the destruction of reefs. Fishermen from every country report longer trips for smaller catches, which pushes them further into disputed waters.

A joint management scheme, in which the claimants set catch limits together regardless of their disputes, is often proposed and rarely pursued. It would require setting sovereignty aside for the sake of the fish, an arrangement that governments find harder to accept than their fishermen do.
""",
    },
    {
        "slug": "pacific-islands-statehood-sea-level",
        "title": "Can a State Survive the Sea? Pacific Islands and the Law of Statehood",
        "dek": "Low-lying Pacific nations are asking international lawyers a question the law never expected: does a country still exist if its land disappears beneath the sea?",
        "authors": ["kenji-morita"],
        "regions": ["east-asia-pacific"],
        "themes": ["law-and-justice", "environment"],
        "tags": ["Pacific islands", "sea level rise", "international law", "statehood"],
        "source": None,
        "days_ago": 24,
        "picture": {
            "kind": "abstract",
            "motif": "waves",
            "evokes": "rising sea water over low-lying land",
        },
        "body": """
International law assumes that a state has a territory, a permanent population and a government. For several atoll nations in the Pacific, whose highest points are only a few metres above the sea, the first two conditions may one day be in doubt. Their governments have decided not to wait and see.

The first step has been to protect their maritime zones. Under the law of the sea, a country's exclusive economic zone is measured from its coastline, and a retreating coastline could shrink the zone, and with it rights to fish and seabed resources. Pacific states have declared that they will keep their current maritime boundaries regardless of sea level rise, and many other countries have accepted that position.

## A state without land

The harder question is statehood itself. Lawyers point out that there is no precedent for a state losing all its territory to the sea, but also no rule saying that it would cease to exist. States have continued under occupation and in exile; a state whose population has moved elsewhere but that keeps its government, its seat at the United Nations and its maritime rights is not unthinkable.

Some Pacific governments have begun to prepare for that possibility. One has signed a treaty with a larger neighbour offering its citizens the right to settle there, alongside security guarantees. Another is creating a digital version of its nation, archiving its culture and records online.

None of these leaders wants to leave. Their first demand remains deep cuts in emissions and money for adaptation, to keep their islands habitable as long as possible. The legal work is a safeguard, and a reminder to the world of what is at stake.
""",
    },
    {
        "slug": "japan-defence-budget-doubling",
        "title": "Japan's Defence Budget Doubles. What Does It Buy?",
        "dek": "Japan has committed to raising defence spending to levels unseen since the war. The money is going to long-range missiles, ammunition and the unglamorous work of making forces ready to fight.",
        "authors": ["daniel-whitcombe", "kenji-morita"],
        "regions": ["east-asia-pacific"],
        "themes": ["militarization-and-wmd", "us-nato-war-agenda", "global-economy"],
        "tags": ["Japan", "defence spending", "missiles", "alliances"],
        "source": "meridian-quarterly",
        "days_ago": 36,
        "picture": {
            "kind": "bars",
            "title": "Japan's planned defence spending by area, five-year total",
            "labels": ["Stand-off missiles", "Ammunition", "Maintenance", "Air defence", "Other"],
            "values": [15, 10, 17, 12, 46],
            "unit": "%",
        },
        "body": """
For decades, Japan kept its defence spending at about one per cent of national output, a ceiling rooted in its post-war constitution and politics. That ceiling has gone. The government has committed to roughly doubling the budget over five years, and for the first time it will acquire missiles capable of striking targets far beyond its territory.

The shift reflects a changed view of Japan's neighbourhood: China's military growth, North Korea's missile tests and the war in Ukraine, which convinced many in Tokyo that aggression by a large neighbour was not a thing of the past. Public opinion, long wary of military expansion, has broadly accepted the change.

## Less glamorous priorities

The headline purchases, such as long-range cruise missiles, attract attention. But a large share of the new money goes to less visible things: ammunition stocks, spare parts, maintenance and hardened shelters for aircraft. Japanese officials have admitted that, before the increase, many of its ships and aircraft could not be kept ready because parts were short.

Paying for all this is contentious. The government has proposed tax increases, which have been repeatedly delayed, and the weak yen has raised the cost of equipment bought abroad, much of it from the United States. Inflation means the real increase is smaller than the headline figure.

Alliance politics shape the programme too. Japan is deepening cooperation with the United States, Australia and others, including on command arrangements and weapons production. Critics at home warn that a bigger military role risks drawing Japan into conflicts it would rather avoid. Supporters argue that deterrence is precisely what keeps such conflicts from starting.
""",
    },
    {
        "slug": "semiconductor-supply-chain-geography",
        "title": "Chips, Chokepoints and Allies: The New Geography of Semiconductors",
        "dek": "Governments are spending heavily to bring chip manufacturing home. The industry's chokepoints are moving, but the idea of self-sufficiency is as elusive as ever.",
        "authors": ["kenji-morita"],
        "regions": ["east-asia-pacific", "north-america"],
        "themes": ["global-economy", "science-and-medicine"],
        "tags": ["semiconductors", "supply chains", "industrial policy", "Taiwan"],
        "source": "atlas-economic-monitor",
        "days_ago": 75,
        "picture": {
            "kind": "bars",
            "title": "Share of advanced chip manufacturing capacity by location",
            "labels": ["East Asia", "United States", "Europe", "Elsewhere"],
            "values": [78, 12, 6, 4],
            "unit": "%",
        },
        "body": """
The most advanced computer chips are made in a handful of factories, most of them in East Asia. The machines that make them come from a small number of suppliers in Europe, the United States and Japan. The pandemic's chip shortages and rising tensions between the United States and China have made that concentration a political concern in every major economy.

Governments have responded with subsidies on a scale not seen in decades. The United States, the European Union, Japan, South Korea and China have all committed large sums to build new factories on their own territory. Several leading manufacturers are now building plants in Arizona, Japan and Germany.

## Moving chokepoints

New factories reduce one dependency but reveal others. A chip plant needs ultra-pure chemicals, specialised gases, skilled technicians and a steady supply of water and power. Many of those inputs still come from a few places. Companies building abroad have complained of labour shortages and higher costs, and some projects have been delayed.

Export controls add another dimension. The United States and its allies have restricted sales of advanced chips and chip-making equipment to China, which has responded by investing heavily in its own industry and by restricting exports of some minerals used in electronics. The result is a supply chain dividing into blocs, each trying to secure the pieces it lacks.

Economists caution that complete self-sufficiency is neither achievable nor affordable. The realistic goal is resilience: enough diversity of supply that a single disruption, whether a drought, an earthquake or a blockade, does not halt the world's electronics. That is less dramatic than independence, and far more expensive than the old system.
""",
    },
    {
        "slug": "aukus-submarines-long-road",
        "title": "The Long Road to AUKUS Submarines",
        "dek": "Australia's plan to acquire nuclear-powered submarines with the United States and Britain will take decades and cost a fortune. The first years show how much can go wrong along the way.",
        "authors": ["daniel-whitcombe"],
        "regions": ["east-asia-pacific", "north-america"],
        "themes": ["militarization-and-wmd", "us-nato-war-agenda"],
        "tags": ["AUKUS", "Australia", "submarines", "nuclear propulsion"],
        "source": "harbour-policy-review",
        "days_ago": 150,
        "picture": {
            "kind": "line",
            "title": "Estimated programme cost over time, index (first estimate = 100)",
            "labels": [2021, 2022, 2023, 2024, 2025, 2026],
            "values": [100, 100, 135, 142, 150, 158],
            "unit": "",
        },
        "body": """
When Australia announced that it would acquire nuclear-powered submarines with the help of the United States and Britain, it cancelled a contract for conventional submarines with France and committed itself to one of the largest defence projects in its history. The plan has three stages: rotations of American and British submarines through Australian ports, the purchase of several American submarines, and eventually a new design built in Australia and Britain.

Each stage depends on industrial capacity that does not yet exist. American shipyards are already struggling to build submarines for their own navy at the planned rate, and selling boats to Australia would require them to build faster still. Australia is paying to expand those shipyards, an unusual arrangement in which an ally funds another's industry.

## People before boats

The scarcer resource may be people. Nuclear submarines need engineers, nuclear safety regulators and a workforce trained in handling reactors, none of which Australia has in large numbers. Training programmes with the partner navies have begun, but building a nuclear culture takes a generation.

Non-proliferation experts have raised a different concern. The submarines will use highly enriched uranium, and the arrangement is the first to transfer naval nuclear propulsion to a country without nuclear weapons. The partners insist the fuel will be sealed in reactors that never need refuelling; critics fear a precedent that others may exploit.

Supporters argue that the submarines will give Australia the range and stealth it needs in a contested region for decades to come. Sceptics ask whether the money would buy more security spent elsewhere. Both sides agree on one thing: the programme will outlast the governments that started it.
""",
    },
    {
        "slug": "arms-exports-who-buys",
        "title": "Record Arms Exports and the Politics of Who Buys",
        "dek": "American arms exports have reached record levels as European governments restock. The boom brings profits and influence, and renewed questions about where the weapons end up.",
        "authors": ["daniel-whitcombe"],
        "regions": ["north-america"],
        "themes": ["militarization-and-wmd", "us-nato-war-agenda", "global-economy"],
        "tags": ["arms trade", "United States", "export controls", "defence industry"],
        "source": None,
        "days_ago": 3,
        "picture": {
            "kind": "bars",
            "title": "Arms export approvals by buyer region, share of total",
            "labels": ["Europe", "Middle East", "Asia and Pacific", "Americas", "Africa"],
            "values": [46, 24, 22, 6, 2],
            "unit": "%",
        },
        "body": """
The United States has long been the world's largest exporter of weapons, and its share has grown in recent years. European governments, rearming after the invasion of Ukraine, have placed large orders for fighter jets, air defence systems, tanks and artillery. Governments in the Middle East and Asia continue to buy as well.

For the American defence industry, the boom means full order books and new production lines. For the government, it brings influence: countries that fly American aircraft depend on American parts, training and software for decades. Supporters of the exports argue that they strengthen allies and reduce the burden on American forces.

## Who decides, and on what basis

Arms sales are approved by the executive branch, with Congress able to object to major deals. In practice, such objections rarely stop a sale, though they can delay or reshape it. Human rights organisations have criticised sales to governments whose forces have been accused of abuses, and several deals have prompted public debate about where American weapons are used.

There is also concern about what happens after delivery. End-use monitoring, meant to ensure that weapons are not passed on or used in violation of agreements, is thinly staffed. Audits have found gaps in tracking equipment sent to conflict zones, though officials say that most of it is accounted for.

European buyers face their own dilemma. Buying American is fast and proven, but it slows the growth of a European defence industry that many of their governments say they want. The arms boom thus reflects not only rising threats but an unresolved argument about how much allies should depend on one supplier.
""",
    },
    {
        "slug": "canada-arctic-sovereignty",
        "title": "Canada's Arctic: Sovereignty by Presence",
        "dek": "Canada claims a vast Arctic archipelago, yet has few ships, bases or people there. As the ice thins, it is discovering that sovereignty is something you have to show up for.",
        "authors": ["ingrid-halvorsen"],
        "regions": ["north-america"],
        "themes": ["militarization-and-wmd", "environment", "history"],
        "tags": ["Canada", "Arctic", "Northwest Passage", "Inuit"],
        "source": "northern-lights-journal",
        "days_ago": 42,
        "picture": {
            "kind": "map",
            "area": NORTH_AMERICA,
            "focus": [(-95, 72, 10)],
            "label": "The Canadian Arctic archipelago",
            "subject": "North America and Greenland, with the Canadian Arctic archipelago highlighted",
        },
        "body": """
Canada's Arctic is enormous, sparsely populated and, for most of its history, protected by ice. The country considers the channels between its Arctic islands, known together as the Northwest Passage, to be internal waters. The United States and several other countries regard them as an international strait, open to ships of all nations. For decades, the disagreement mattered little because few ships could get through.

Thinner ice has changed that. More cruise ships, research vessels and cargo ships now attempt the passage in summer, and foreign navies take a growing interest in the region. Canada's ability to monitor and control what happens in its Arctic waters has become a practical question rather than a legal abstraction.

## Presence, not just claims

History shows that sovereignty is built by presence. Canada's earliest Arctic policies included relocating Inuit families to the High Arctic in the 1950s, in part to assert the country's claim, an episode for which the government later apologised. Today, policy emphasises partnership with Inuit communities, whose people have lived in the region for millennia and whose Rangers are a key part of Canada's northern presence.

Canada has announced investments in new patrol ships, surveillance systems and a modernised early-warning network with the United States. Critics note that previous promises, including a deep-water port and new icebreakers, took many years to deliver or were scaled down.

The Arctic is also where climate change is felt most directly. Communities face thawing permafrost under their houses, less reliable sea ice for hunting and rising costs for everything shipped from the south. A sovereignty policy that ignores those realities will struggle to win the support of the people who make Canada's claim credible.
""",
    },
    {
        "slug": "local-news-deserts",
        "title": "News Deserts: What Happens to a Town When Its Paper Closes",
        "dek": "Thousands of local newspapers have closed across North America in two decades. Research on the towns they left behind suggests that the loss goes far beyond the news.",
        "authors": ["lena-vogt"],
        "regions": ["north-america"],
        "themes": ["media-and-disinformation", "poverty-social-inequality"],
        "tags": ["local news", "journalism", "newspapers", "democracy"],
        "source": None,
        "days_ago": 58,
        "picture": {
            "kind": "line",
            "title": "Local newspapers still publishing, index (2005 = 100)",
            "labels": [2005, 2008, 2011, 2014, 2017, 2020, 2023, 2026],
            "values": [100, 96, 90, 85, 79, 72, 66, 61],
            "unit": "",
        },
        "body": """
In the past twenty years, a large share of local newspapers in the United States and Canada have closed or merged, and many of those that remain have cut their newsrooms to a handful of reporters. Researchers call the places left without a dedicated local news source news deserts. They are disproportionately rural and poor.

The consequences are measurable. Studies have found that after a local paper closes, municipal borrowing costs rise, apparently because fewer people scrutinise public finances. Fewer candidates stand in local elections, and turnout falls. Voters rely more on national news and vote along more partisan lines.

## What fills the gap

Something does fill the vacuum, but not always journalism. Websites that look like local news outlets but are funded by political groups have appeared in many regions, publishing a mix of automated stories and partisan content. Social media groups become the main source of local information, with rumours travelling as fast as facts.

There are also new experiments. Non-profit newsrooms, funded by foundations and readers, have opened in many states. Some public broadcasters have expanded local coverage, and a few governments offer tax credits for hiring local journalists. These efforts are encouraging but so far cover only a fraction of the places that have lost their papers.

The underlying problem is financial. The advertising that once paid for local reporting moved to online platforms, and subscriptions alone rarely cover the cost of covering a town council properly. Whether societies are willing to pay for local news as a public good, as they do for libraries, is one of the defining media questions of the decade.
""",
    },
    {
        "slug": "courts-platform-content-moderation",
        "title": "Judges as Moderators: Courts Take On Platform Content Rules",
        "dek": "Courts on both sides of the Atlantic are being asked to decide what online platforms may remove and what they must. Their answers are diverging, and platforms are caught in between.",
        "authors": ["lena-vogt"],
        "regions": ["north-america", "europe"],
        "themes": ["media-and-disinformation", "law-and-justice"],
        "tags": ["content moderation", "free speech", "platforms", "regulation"],
        "source": "meridian-quarterly",
        "days_ago": 85,
        "picture": {
            "kind": "abstract",
            "motif": "network",
            "evokes": "the connections of a social network",
        },
        "body": """
For most of the internet's history, the rules about what could be said on social media were set by the platforms themselves. Their terms of service, enforced by moderators and algorithms, decided what stayed up and what came down. Increasingly, courts and legislators are claiming a say.

In Europe, new regulations require large platforms to assess the risks their services pose, to explain their moderation decisions and to let users appeal. National courts have ordered the removal of defamatory or illegal content and, in some cases, the reinstatement of content removed without good reason.

## Two different starting points

In the United States, the legal starting point is different. Constitutional protections for speech limit what the government can require, and a federal law shields platforms from liability for most user content. Several states have passed laws restricting platforms' ability to remove political content, and the resulting court battles have raised the question of whether moderation is itself a form of protected speech.

The divergence creates practical problems. A platform operating worldwide must decide whether to apply one set of rules everywhere or to tailor its moderation by jurisdiction. Either choice has costs: a global standard may be too strict for one legal system and too lax for another, while local rules fragment the service and raise suspicions of censorship.

Researchers who study moderation point out that courts are poorly placed to decide millions of individual cases. What they can do is set procedures: transparency, appeals, independent oversight. That may be the most durable contribution of the current wave of litigation, whatever the outcome of the headline cases.
""",
    },
    {
        "slug": "mexico-remittances-record",
        "title": "Remittances to Mexico Hit a Record. Who Benefits?",
        "dek": "Money sent home by Mexicans working in the United States now rivals the country's largest export industries. It sustains millions of households, but not the development that would let them stop depending on it.",
        "authors": ["tomas-echeverria"],
        "regions": ["latin-america-caribbean", "north-america"],
        "themes": ["global-economy", "poverty-social-inequality"],
        "tags": ["remittances", "Mexico", "migration", "development"],
        "source": "atlas-economic-monitor",
        "days_ago": 30,
        "picture": {
            "kind": "line",
            "title": "Remittances received by Mexico, index (2015 = 100)",
            "labels": [2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025],
            "values": [100, 108, 116, 128, 136, 152, 195, 226, 240, 244, 236],
            "unit": "",
        },
        "body": """
Every month, millions of Mexicans working in the United States send part of their earnings home. The total has grown steadily for a decade and now reaches levels comparable with the country's car exports or its oil revenues in their best years. For many rural families, these transfers are the largest and most reliable source of income.

The money has clear benefits. Households that receive remittances spend more on food, schooling and health care, and they are better able to cope with emergencies. In some towns, remittances have paid for new houses, small shops and, through programmes matching migrants' contributions with public funds, roads and water systems.

## A lifeline, not a strategy

Economists are more cautious about the broader effects. Remittances mostly fund consumption rather than investment, and they can reduce the pressure on governments to provide services. Regions that depend heavily on them often see little growth in local jobs, which in turn encourages the next generation to migrate.

The cost of sending money has fallen, thanks to competition and digital services, but fees and unfavourable exchange rates still take a noticeable share of small transfers. A strong peso also reduces what each dollar buys at home, which is why families noticed a squeeze even as remittances reached records.

Migration policy in the United States is the biggest uncertainty. Stricter enforcement, changes in visa programmes or taxes on transfers could all affect the flow. For Mexico, the lesson is that a lifeline is not a development strategy: the money sent home works best where there are also schools, credit and jobs to invest it in.
""",
    },
    {
        "slug": "non-alignment-belgrade-summit-lessons",
        "title": "Non-Alignment, Again: What the 1961 Belgrade Summit Can Teach Today's Middle Powers",
        "dek": "More than sixty years ago, leaders of newly independent states met in Belgrade to refuse a choice between two blocs. Today's talk of multipolarity echoes their ambitions, and their difficulties.",
        "authors": ["aigerim-sadykova"],
        "regions": ["europe", "south-central-asia"],
        "themes": ["history", "us-nato-war-agenda"],
        "tags": ["Non-Aligned Movement", "Cold War", "multipolarity", "diplomacy"],
        "source": "oriental-review",
        "days_ago": 120,
        "picture": {
            "kind": "map",
            "area": WORLD,
            "focus": [(20, 44, 6), (78, 22, 8), (30, 5, 9)],
            "label": "Non-aligned capitals, then and now",
            "subject": "the world, with south-eastern Europe, South Asia and Africa highlighted",
        },
        "body": """
In September 1961, the leaders of some two dozen countries gathered in Belgrade for what became the first summit of the Non-Aligned Movement. Most of them governed states that had recently won independence. Their shared aim was to avoid being drawn into the confrontation between the United States and the Soviet Union, and to use their numbers to push for decolonisation and development.

The movement achieved more than its critics expected. It gave small and new states a collective voice at the United Nations, supported liberation movements and put economic inequality between North and South on the international agenda. It also struggled to stay united: its members fought wars with one another, and many leaned towards one bloc or the other in practice.

## Echoes in the present

Today, many governments again describe themselves as refusing to choose sides, this time between the United States and its allies on one hand and China and Russia on the other. India, Brazil, Indonesia, South Africa, Turkey and the Gulf states trade and cooperate with all sides, and new groupings have expanded to include more of them.

The parallels are instructive, but so are the differences. Today's middle powers are far richer and more influential than the non-aligned states of the 1960s, and they are not seeking a single common programme. Their non-alignment is less a movement than a strategy of each state maximising its options.

The history of the original movement suggests both the promise and the limits of that approach. Non-alignment gave its members leverage when the great powers competed for their favour. It offered less protection when the great powers decided that a region mattered enough to intervene. That is a lesson today's middle powers are likely to relearn.
""",
    },
]

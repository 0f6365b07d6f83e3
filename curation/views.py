"""The front page: the lead story (pinned by editors, else the newest with a picture), the next
three, a section per region and theme editors chose, then the latest articles, page by page."""

from collections import defaultdict

from django.db.models import F, Window
from django.db.models.functions import RowNumber
from django.views.generic import ListView

from articles.cache_keys import HOME, card_keys, key
from articles.models import Article, Region, Theme
from articles.views import ArticleListMixin
from pagecache.middleware import shows
from pagecache.store import remember

from .models import FrontPage, FrontPageSection, MenuItem

SECONDARY = 3  # stories in the row under the lead
PER_SECTION = 4  # articles in each region's or theme's section


def chosen_terms():
    """The regions and themes editors gave a section, in their order; with none chosen, the menu's."""
    sections = FrontPageSection.objects.filter(front_page_id=FrontPage.singleton_instance_id)
    terms = [section.term for section in sections.select_related("region", "theme")]
    return terms or [item.term for item in MenuItem.objects.select_related("region", "theme")]


def newest_per_term(terms, count):
    """{term: ids of its `count` newest published articles}, in one query per kind of term (a window function)."""
    found = defaultdict(list)
    for model, relation in ((Region, "regions"), (Theme, "themes")):
        chosen = [term for term in terms if isinstance(term, model)]
        if not chosen:
            continue
        filings = getattr(Article, relation).through
        term_id = f"{model._meta.model_name}_id"
        rows = (
            filings.objects.filter(**{f"{term_id}__in": [term.pk for term in chosen]})
            .filter(article__in=Article.objects.published().values("pk"))
            .annotate(
                position=Window(
                    RowNumber(),
                    partition_by=[F(term_id)],
                    order_by=[F("article__published_at").desc(), F("article_id").desc()],
                )
            )
            .filter(position__lte=count)
            .order_by(term_id, "position")
            .values_list(term_id, "article_id")
        )
        by_pk = {term.pk: term for term in chosen}
        for term_pk, article_pk in rows:
            found[by_pk[term_pk]].append(article_pk)
    return found


def front_page_stories():
    """Lead, secondary stories and sections (each a term and its cards); an article appears once on the page.

    The articles' ids come first (the newest few, the pinned lead, each section's newest), then every
    card is loaded in one query: the cost does not grow with the number of sections.
    """
    published = Article.objects.published()
    pinned = FrontPage.objects.values_list("lead_id", flat=True).first()  # no row yet: nothing pinned
    newest = list(published.newest_first().values_list("pk", flat=True)[: SECONDARY + 2])
    terms = chosen_terms()
    per_term = newest_per_term(terms, PER_SECTION + SECONDARY + 1)
    wanted = {*newest, *(pk for pks in per_term.values() for pk in pks)}
    if pinned:
        wanted.add(pinned)
    cards = published.with_card_data().in_bulk(wanted)  # published only: an unpublished pin drops out

    lead = cards.get(pinned)
    if lead is None:
        with_pictures = [cards[pk] for pk in newest if pk in cards and cards[pk].lead_image_id]
        lead = with_pictures[0] if with_pictures else cards.get(newest[0]) if newest else None
    secondary = [cards[pk] for pk in newest if pk in cards and cards[pk] != lead][:SECONDARY]
    shown = {article.pk for article in [lead, *secondary] if article}
    sections = []
    for term in terms:
        articles = [cards[pk] for pk in per_term.get(term, []) if pk not in shown and pk in cards][:PER_SECTION]
        if articles:
            sections.append({"term": term, "articles": articles})
    return {"lead": lead, "secondary": secondary, "sections": sections, "shown": shown}


def front_keys(front):
    """What the top of the front page shows: each card, and each section's region or theme."""
    sections = front["sections"]
    cards = [front["lead"], *front["secondary"], *(article for section in sections for article in section["articles"])]
    terms = [section["term"] for section in sections]
    return [HOME, *(name for article in cards if article for name in card_keys(article)), *map(key, terms)]


class HomeView(ArticleListMixin, ListView):
    template_name = "curation/home.html"
    total_name = "count:published"
    total_keys = (HOME,)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if context["page_obj"].number == 1:
            # Kept by the page cache's rules: recomputed only after content changes.
            front = remember("home:front", front_page_stories, keys=front_keys)
            shows(self.request, *front_keys(front))
            context.update(front)
            context["latest"] = [article for article in context["articles"] if article.pk not in front["shown"]]
        else:
            context["latest"] = context["articles"]
        return context

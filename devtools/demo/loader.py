"""Load the demo publication; safe to run again (everything is keyed on slugs)."""

import datetime
import html

from django.contrib.flatpages.models import FlatPage
from django.contrib.sites.models import Site
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from articles.models import Article, Region, Status, Theme
from articles.services import article_save
from attribution.models import CopyrightHolders, FooterLink, PublicationSettings, Source
from authors.models import Author
from curation.models import FrontPage, FrontPageSection, MenuItem
from images.models import Image
from images.services import image_cleaned_file, image_create, image_delete_files, image_process

from . import pictures, publication, seed
from .articles import ARTICLES

LOADED = "Loaded by load_demo."  # what each article's revision says

# What the first demo generated from word lists, where this one does not reuse the slug: a
# database loaded by it gets a clean demo on the next load, not both mixed on the front page.
FIRST_DEMO_ARTICLES = r"^demo-[0-9]{3}-"
FIRST_DEMO = {
    Author: [
        "maria-okafor", "james-lindqvist", "aiko-haddad", "oluwaseun-moreau", "elena-tanaka",
        "tomas-petrov", "priya-silva", "jonas-novak", "fatima-mensah", "liam-kaur",
    ],
    Source: ["the-meridian-quarterly"],
    Region: ["asia", "oceania", "usa", "canada"],
    Theme: ["media-disinformation"],
}  # fmt: skip


def _upsert(model, lookup, **values):
    obj, _ = model.objects.update_or_create(**lookup, defaults=values)
    return obj


def _article(slug, **values):
    """The demo article with this slug, as it is stored or new, with `values` set (and not yet saved)."""
    article = Article.objects.filter(slug=slug).first() or Article(slug=slug)
    for name, value in values.items():
        setattr(article, name, value)
    return article


def _author(values):
    """The author with a generated monogram portrait, made once: a photo already there is kept."""
    author = _upsert(Author, {"slug": values["slug"]}, **values)
    if not author.photo:
        portrait = ContentFile(pictures.draw_monogram(author.slug, author.name), name=f"{author.slug}.jpg")
        cleaned = image_cleaned_file(portrait)
        author.photo.save(cleaned.name, cleaned, save=True)
    return author


def _seed_figure():
    return ContentFile(pictures.draw_bars(seed.SLUG, **seed.FIGURE_CHART), name="figure.jpg")


@transaction.atomic
def load_seed_article():
    PublicationSettings.objects.update_or_create(
        pk=PublicationSettings.singleton_instance_id, defaults=seed.PUBLICATION
    )
    author = _author(seed.AUTHOR)
    source = _upsert(Source, {"slug": seed.SOURCE["slug"]}, **seed.SOURCE)
    region = _upsert(Region, {"slug": seed.REGION["slug"]}, **seed.REGION)
    themes = [_upsert(Theme, {"slug": theme["slug"]}, **theme) for theme in seed.THEMES]

    for retired in Image.objects.filter(alt_text=seed.RETIRED_FIGURE_ALT_TEXT):
        image_delete_files(image=retired)
        retired.delete()
    figure = Image.objects.filter(alt_text=seed.FIGURE["alt_text"]).first()
    if figure is None:
        # Resized here, not by a task: the demo is complete when load_demo ends, worker or not.
        figure = image_create(file=_seed_figure(), renditions_now=True, **seed.FIGURE)
    else:
        Image.objects.filter(pk=figure.pk).update(caption=seed.FIGURE["caption"], credit=seed.FIGURE["credit"])
        if not figure.renditions:
            # Loaded before the library made renditions at upload.
            image_process(image=figure)

    article = _article(
        seed.SLUG,
        title=seed.TITLE,
        dek=seed.DEK,
        body=seed.BODY.replace("{figure}", figure.embed_code),
        status=Status.PUBLISHED,
        published_at=seed.SITE_DATE,
        source=source,
        original_url=seed.ORIGINAL_URL,
        original_published_on=seed.ORIGINAL_DATE,
        copyright_holders=CopyrightHolders.AUTHORS_AND_SOURCE,
        copyright_year=2018,
    )
    return article_save(
        article=article, authors=[author], regions=[region], themes=themes, tags=seed.TAGS, comment=LOADED
    )


# --- the hand-written publication ----------------------------------------------------------------


def body_html(text):
    """The demo's plain-text bodies as HTML: blank lines part paragraphs, "## " heads a section, "> " quotes."""
    blocks = []
    for block in text.strip().split("\n\n"):
        line = " ".join(block.split())
        if line.startswith("## "):
            blocks.append(f"<h2>{html.escape(line[3:])}</h2>")
        elif line.startswith("> "):
            blocks.append(f"<blockquote><p>{html.escape(line[2:])}</p></blockquote>")
        else:
            blocks.append(f"<p>{html.escape(line)}</p>")
    return "\n".join(blocks)


def picture_words(slug, spec):
    """Alt text and caption saying what the picture shows and what kind of picture it is."""
    kind = spec["kind"]
    if kind == "map":
        return (
            f"Stylised dot map of {spec['subject']}.",
            f"Map illustration, stylised and not to scale: {spec['subject']}.",
        )
    if kind in ("bars", "line"):
        chart = "Bar chart" if kind == "bars" else "Line chart"
        unit = spec.get("unit", "")
        points = ", ".join(
            f"{label} {pictures.number(value, unit)}"
            for label, value in zip(spec["labels"], spec["values"], strict=True)
        )
        return (
            f"{chart} of illustrative data: {spec['title']}. {points}.",
            f"Chart (illustrative data): {spec['title']}. "
            "The figures show the trend the article discusses; they are not statistics.",
        )
    palette = pictures.palette_for(slug)
    return (
        f"Abstract illustration: {pictures.MOTIFS[spec['motif']]} in {palette.name}.",
        f"Illustration: {pictures.MOTIFS[spec['motif']]}, evoking {spec['evokes']}.",
    )


def draw_picture(slug, spec):
    drawing = {key: value for key, value in spec.items() if key not in ("kind", "subject", "evokes")}
    if spec["kind"] == "map":
        return pictures.draw_map(slug, **drawing)
    if spec["kind"] == "bars":
        return pictures.draw_bars(slug, **drawing)
    if spec["kind"] == "line":
        return pictures.draw_line(slug, **drawing)
    return pictures.draw_abstract(slug, **drawing)


def _lead_image(article, spec):
    """The article's generated lead picture: drawn once, its words kept up to date on later loads.

    The credit marks the pictures the loader drew, so a picture an editor chose instead is never touched.
    """
    alt_text, caption = picture_words(article.slug, spec)
    image = article.lead_image if article.lead_image and article.lead_image.credit == pictures.CREDIT else None
    if image is None:
        file = ContentFile(draw_picture(article.slug, spec), name=f"{article.slug}.jpg")
        return image_create(file=file, alt_text=alt_text, caption=caption, credit=pictures.CREDIT, renditions_now=True)
    Image.objects.filter(pk=image.pk).update(alt_text=alt_text, caption=caption)
    return image


def _publication_time(today, days_ago, index):
    day = today - datetime.timedelta(days=days_ago)
    return datetime.datetime.combine(day, datetime.time(7 + index * 5 % 11, 15 * (index % 4)), tzinfo=datetime.UTC)


@transaction.atomic
def load_publication(today=None):
    """The hand-written articles, their authors, sources, regions and themes, dated back from `today`."""
    today = today or timezone.now().date()
    regions = {r["slug"]: _upsert(Region, {"slug": r["slug"]}, **r) for r in publication.REGIONS}
    regions[seed.REGION["slug"]] = Region.objects.get(slug=seed.REGION["slug"])
    themes = {t["slug"]: _upsert(Theme, {"slug": t["slug"]}, **t) for t in publication.THEMES}
    themes.update({t["slug"]: Theme.objects.get(slug=t["slug"]) for t in seed.THEMES})
    authors = {a["slug"]: _author(a) for a in publication.AUTHORS}
    authors[seed.AUTHOR["slug"]] = Author.objects.get(slug=seed.AUTHOR["slug"])
    sources = {s["slug"]: _upsert(Source, {"slug": s["slug"]}, **s) for s in publication.SOURCES}
    sources[seed.SOURCE["slug"]] = Source.objects.get(slug=seed.SOURCE["slug"])

    for index, data in enumerate(ARTICLES):
        published = _publication_time(today, data["days_ago"], index)
        source = sources[data["source"]] if data["source"] else None
        # A cross-post first appeared one to four days before we republished it.
        original = (published - datetime.timedelta(days=1 + index % 4)).date() if source else None
        article = _article(
            data["slug"],
            title=data["title"],
            dek=data["dek"],
            body=body_html(data["body"]),
            status=Status.PUBLISHED,
            published_at=published,
            source=source,
            original_url=f"{source.homepage}{original:%Y/%m/%d}/{data['slug']}/" if source else "",
            original_published_on=original,
            copyright_holders="" if source else CopyrightHolders.AUTHORS,
        )
        article.lead_image = _lead_image(article, data["picture"])
        article_save(
            article=article,
            authors=[authors[slug] for slug in data["authors"]],
            regions=[regions[slug] for slug in data["regions"]],
            themes=[themes[slug] for slug in data["themes"]],
            tags=data["tags"],
            comment=LOADED,
        )


@transaction.atomic
def retire_first_demo():
    """Remove what the first, word-list demo loaded and this one replaces; what has other articles stays."""
    # One by one, as the admin deletes them: each deletion leaves the search index and the page cache.
    # An article a partner asked to republish stays: its requests keep it (and its author) from deletion.
    for article in Article.objects.filter(slug__regex=FIRST_DEMO_ARTICLES, permission_requests=None):
        article.delete()
    for model, slugs in FIRST_DEMO.items():
        model.objects.filter(slug__in=slugs, articles=None).delete()


@transaction.atomic
def load_front_of_house():
    """The menu, the front page's sections, the footer's links and the pages they lead to."""
    terms = {"region": Region, "theme": Theme}
    MenuItem.objects.all().delete()
    position = 0
    for kind, slugs in (("region", publication.MENU["regions"]), ("theme", publication.MENU["themes"])):
        for term in terms[kind].objects.filter(slug__in=slugs):
            MenuItem.objects.create(**{kind: term}, position=slugs.index(term.slug) + position)
        position += len(slugs)
    front_page = FrontPage.get_solo()
    front_page.sections.all().delete()
    for position, (kind, slug) in enumerate(publication.FRONT_PAGE_SECTIONS):
        term = terms[kind].objects.get(slug=slug)
        FrontPageSection.objects.create(front_page=front_page, position=position, **{kind: term})
    site = Site.objects.get_current()
    for page in publication.PAGES:
        flat, _ = FlatPage.objects.update_or_create(url=page["url"], defaults=page)
        flat.sites.add(site)
    settings = PublicationSettings.get_solo()
    settings.footer_links.all().delete()
    for position, (label, url) in enumerate(publication.FOOTER_LINKS):
        FooterLink.objects.create(publication=settings, label=label, url=url, position=position)


def load_demo_content(today=None):
    retire_first_demo()
    article = load_seed_article()
    load_publication(today)
    load_front_of_house()
    return article

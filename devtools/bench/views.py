from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string

from articles.models import Article


def ceiling(request, slug):
    """The ceiling: one article row by slug and one plain template of an article page's size, nothing else.

    What plain Django costs for a page like ours; the benchmark reports every page against it.
    """
    article = get_object_or_404(Article, slug=slug)
    return HttpResponse(render_to_string("bench/ceiling.html", {"article": article}))

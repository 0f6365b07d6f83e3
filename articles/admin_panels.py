"""Read-only panels that apps above `articles` add to an article's admin page (the partners' reprints).

`articles` imports none of those apps (docs/architecture.md): each registers a panel in its
`AppConfig.ready()`, as the apps using library pictures register finders with `images.usage`.
"""

_panels = []


def register_article_panel(panel):
    """`panel(request, article)` returns HTML to show under the article's form, or "" to show nothing."""
    if panel not in _panels:
        _panels.append(panel)
    return panel


def panels_for(request, article):
    """Every registered panel's HTML for this article, in registration order, the empty ones left out."""
    return [html for panel in _panels if (html := panel(request, article))]

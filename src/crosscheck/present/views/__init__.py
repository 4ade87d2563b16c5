"""What the report and the web app show of a story, laid out ahead of the templates.

The templates only place values these modules computed: no layout arithmetic and no
article text ever becomes markup outside Jinja's autoescaping.
"""

from crosscheck.present.views.story import StoryView, story_views

__all__ = ["StoryView", "story_views"]

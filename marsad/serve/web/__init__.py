"""The web pages (Jinja2 templates, right-to-left) and the inline SVG charts they show."""

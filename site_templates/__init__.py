"""jobsite's packaged Jinja2 templates; a journal root's own site_templates/ overrides them."""

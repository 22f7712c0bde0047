"""Protected mode: the keys (`keys`), the sealing of a built site (`seal`), and the pages the
browser gets (`shell`, from the templates in `site_templates/protect/`)."""

from jobsite.site.protect.keys import SiteKeys, derive_site_key, site_salt
from jobsite.site.protect.seal import (
    PASSWORD_VARIABLE,
    ProtectedBuild,
    password_from,
    protect_site,
    start_protected_build,
)

__all__ = [
    "PASSWORD_VARIABLE",
    "ProtectedBuild",
    "SiteKeys",
    "derive_site_key",
    "password_from",
    "protect_site",
    "site_salt",
    "start_protected_build",
]

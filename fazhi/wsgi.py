import gc
import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fazhi.settings")
application = get_wsgi_application()

# Load every view, form and API schema now, then set the worker's objects aside from the
# garbage collector (gc.freeze): they live as long as the process. Left in, each full
# collection walked them (the API's pydantic schemas are costly to walk) and took 150 ms
# in the middle of whichever request triggered it, the slowest answers of a list page's
# p95; frozen, it takes 5 ms. Objects made by requests are collected as before.
get_resolver().url_patterns  # noqa: B018 - imports the URLconf and everything it names
gc.collect()
gc.freeze()

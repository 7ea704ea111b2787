from django.urls import path

from . import registry, views

app_name = "search"

urlpatterns = [
    path("search/", views.search, name="search"),
    path("search/autocomplete/", views.autocomplete, name="autocomplete"),
    # One address per faceted search the apps registered (commitments: /search/commitments/).
    *(
        path(f"search/{search.name}/", views.faceted, {"name": search.name}, name=search.name)
        for search in registry.searches()
    ),
]

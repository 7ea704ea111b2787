from django.urls import path

from . import views

app_name = "search"

urlpatterns = [
    path("search/", views.search, name="search"),
    path("search/commitments/", views.commitments, name="commitments"),
    path("search/autocomplete/", views.autocomplete, name="autocomplete"),
]

from django.urls import path

from . import views

app_name = "monitoring"

urlpatterns = [
    path("monitoring/plans/<int:plan_id>/apply/", views.apply, name="apply"),
]

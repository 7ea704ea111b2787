from django.urls import re_path

from . import views

app_name = "actionplans"

urlpatterns = [
    re_path(
        r"^(?P<page_path>(?:[\w\-]+/)+)data\.(?P<extension>csv|json)$",
        views.plan_data,
        name="plan_data",
    ),
]

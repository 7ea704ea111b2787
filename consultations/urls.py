from django.urls import path

from . import views

app_name = "consultations"

urlpatterns = [
    path("comments/<int:comment_id>/", views.comment_permalink, name="comment"),
    path("comments/<int:comment_id>/report/", views.comment_report, name="comment_report"),
    path("comments/new/<int:page_id>/", views.comment_new, name="comment_new"),
]

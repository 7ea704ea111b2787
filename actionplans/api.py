"""Serializers for the Wagtail API v2 fields of plans, commitments and milestones."""

from rest_framework import serializers


class OrganisationSerializer(serializers.Serializer):
    """An organisation as open data: its translation_key joins its language versions."""

    id = serializers.IntegerField(read_only=True)
    translation_key = serializers.UUIDField(read_only=True)
    name = serializers.CharField(read_only=True)
    acronym = serializers.CharField(read_only=True)
    kind = serializers.CharField(read_only=True)


class OGPValueCodesField(serializers.Field):
    """OGP values as their stable codes (transparency, civic_participation…)."""

    def to_representation(self, value):
        return [item.code for item in value.all()]


class TagNamesField(serializers.Field):
    def to_representation(self, value):
        return sorted(tag.name for tag in value.all())


class ProgressReportsField(serializers.Field):
    """A commitment's public progress reports (official and civil-society), oldest first,
    with the same fields as the reports' open data."""

    def __init__(self, **kwargs):
        kwargs.setdefault("source", "*")
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, commitment):
        from actionplans.monitoring.opendata import report_records

        request = self.context.get("request")
        return report_records(None, request, commitment_key=commitment.translation_key)

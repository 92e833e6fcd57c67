from rest_framework import serializers

from reporting.models import IndicatorRow


class IndicatorRowSerializer(serializers.ModelSerializer):
    team = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True,
                                       help_text="Team code; null for the figure of all teams together.")
    value = serializers.FloatField(allow_null=True, help_text="Unrounded; null when the cohort is empty.")
    computed_at = serializers.DateTimeField(read_only=True, help_text="When the period was last computed.")

    class Meta:
        model = IndicatorRow
        fields = ["period", "team", "indicator", "dimension", "value", "count", "computed_at"]
        read_only_fields = fields

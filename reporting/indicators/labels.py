"""The name of every indicator as people read it (pages never show the code)."""

from django.utils.translation import gettext_lazy as _

from reporting.indicators.catalogue import INDICATOR_CODES

LABELS = {
    "dossiers_registered": _("Dossiers registered"),
    "dossiers_active": _("Dossiers ongoing"),
    "dossiers_closed": _("Dossiers closed"),
    "clients_active": _("Clients in an ongoing dossier"),
    "waiting_list": _("On the waiting list"),
    "referrer": _("Registrations by referrer"),
    "self_referral_pct": _("Registered on their own initiative (%)"),
    "reach_per_1000": _("Reach per 1,000 inhabitants"),
    "caseload_per_fte": _("Caseload per FTE"),
    "waiting_days_mean": _("Mean waiting time (days)"),
    "waiting_working_days_mean": _("Mean waiting time (working days)"),
    "first_contact_within_5_working_days_pct": _("First contact within 5 working days (%)"),
    "first_contact_days_mean": _("Mean days to first contact"),
    "closure_reason": _("Closures by reason"),
    "closed_according_to_plan_pct": _("Closed according to plan (%)"),
    "can_continue_independently": _("Can continue independently"),
    "can_continue_independently_pct": _("Can continue independently (%)"),
    "closure_safeguard": _("Safeguards at closure"),
    "client_rating_mean": _("Mean client rating"),
    "client_rating": _("Client ratings"),
    "client_rating_insufficient": _("Client ratings below 6"),
    "client_rating_response_pct": _("Closures with a client rating (%)"),
    "referrals_granted": _("Referrals granted"),
    "referrals_rejected": _("Referrals rejected"),
    "care_started": _("Care started"),
    "zrm_baseline_score": _("ZRM baseline scores"),
    "zrm_baseline_insufficient_pct": _("ZRM baseline insufficient (%)"),
    "zrm_baseline_mean": _("Mean ZRM baseline"),
    "zrm_goal_gap_mean": _("Mean gap to the ZRM goal"),
    "zrm_change_mean": _("Mean ZRM change"),
    "zrm_development": _("ZRM development"),
    "zrm_measurements": _("ZRM measurements"),
    "missing_support_start_pct": _("Support start missing (%)"),
    "missing_rating_pct": _("Client rating missing (%)"),
    "missing_baseline_pct": _("ZRM baseline missing (%)"),
    "contact_moments": _("Contact moments"),
    "contact_minutes": _("Contact minutes"),
    "registration_lag_days_mean": _("Mean days before registration"),
    "support_start_recorded_late_pct": _("Support start recorded late (%)"),
    "clients_active_gender": _("Clients by gender"),
    "clients_active_age_band": _("Clients by age"),
    "closed_duration_days_mean": _("Mean duration of closed dossiers (days)"),
    "closed_duration_band": _("Closed dossiers by duration"),
    "zrm_domain_development": _("ZRM development per life domain"),
    "zrm_change_by_baseline_step": _("ZRM change by baseline step"),
    "plans_agreed": _("Plans agreed"),
    "plan_agreed_days_mean": _("Mean days to an agreed plan"),
    "closed_with_agreed_plan_pct": _("Closed with an agreed plan (%)"),
    "goals_set": _("Goals set"),
    "goals_proposed_by_client_pct": _("Goals proposed by the household (%)"),
    "goal_status": _("Goals by status"),
    "goals_achieved_pct": _("Goals achieved (%)"),
    "support_new": _("New support"),
    "support_new_pct": _("New support (%)"),
    "support_existing": _("Existing support"),
    "support_existing_pct": _("Existing support (%)"),
    "network_mapped_pct": _("Network mapped (%)"),
    "wmo_meldingen": _("Wmo meldingen"),
    "wmo_onderzoek_days_mean": _("Mean days of the Wmo onderzoek"),
    "wmo_onderzoek_in_term_pct": _("Wmo onderzoek within the term (%)"),
    "wmo_beschikking_days_mean": _("Mean days to the beschikking"),
    "wmo_beschikking_in_term_pct": _("Beschikking within the term (%)"),
    "delivery_started_days_mean": _("Mean days to the start of care"),
    "delivery_ended": _("Care ended"),
    "maatwerk_cost_granted": _("Estimated cost of maatwerk granted (euros)"),
    "short_contacts": _("Short contacts"),
    "short_contacts_anonymous_pct": _("Short contacts without a name (%)"),
    "short_contact_minutes": _("Minutes of short contacts"),
    "signals_received": _("Early signals received"),
    "signal_households": _("Households with an early signal"),
    "signal_first_attempt_days_mean": _("Mean days to the first outreach attempt"),
    "signal_first_attempt_in_term_pct": _("First outreach attempt within the term (%)"),
    "signal_outcome": _("Early signals by outcome"),
    "signal_contact_pct": _("Early signals with contact made (%)"),
    "signal_help_accepted_pct": _("Early signals with help accepted (%)"),
    "signal_attempts_mean": _("Mean outreach attempts per signal"),
    "client_experience_agree_pct": _("Clients who agree, per statement (%)"),
    "client_experience_response_pct": _("Closures with a questionnaire answered (%)"),
    "regie_after": _("Who kept control after closure"),
    "zrm_scored_with": _("ZRM measurements by who scored"),
    "participation_up_pct": _("Participation moved up (%)"),
}
assert set(LABELS) == set(INDICATOR_CODES), set(INDICATOR_CODES) ^ set(LABELS)


def indicator_label(code: str) -> str:
    return str(LABELS.get(code, code))


def decimals_of(code: str, value: float | None) -> int:
    """Counts without decimals; means, percentages and ratios with one (two for per-FTE)."""
    if code.endswith("_per_fte"):
        return 2
    if code.endswith(("_pct", "_mean", "_per_1000")) or (value is not None and value != int(value)):
        return 1
    return 0

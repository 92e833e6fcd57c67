"""Every indicator code of ../shared/specs/indicators.md, by family."""

FAMILIES = {
    "volume": (
        "dossiers_registered", "dossiers_active", "dossiers_closed", "clients_active", "waiting_list", "referrer",
        "self_referral_pct", "reach_per_1000", "caseload_per_fte",
    ),
    "speed": (
        "waiting_days_mean", "waiting_working_days_mean", "first_contact_within_5_working_days_pct",
        "first_contact_days_mean",
    ),
    "goal_attainment": (
        "closure_reason", "closed_according_to_plan_pct", "can_continue_independently",
        "can_continue_independently_pct", "closure_safeguard",
    ),
    "client_rating": (
        "client_rating_mean", "client_rating", "client_rating_insufficient", "client_rating_response_pct",
    ),
    "referrals": ("referrals_granted", "referrals_rejected", "care_started"),
    "zrm": (
        "zrm_baseline_score", "zrm_baseline_insufficient_pct", "zrm_baseline_mean", "zrm_goal_gap_mean",
        "zrm_change_mean", "zrm_development", "zrm_measurements",
    ),
    "data_quality": ("missing_support_start_pct", "missing_rating_pct", "missing_baseline_pct"),
    "journal": ("contact_moments", "contact_minutes"),
    "registration_lag": ("registration_lag_days_mean", "support_start_recorded_late_pct"),
    "clients_duration": (
        "clients_active_gender", "clients_active_age_band", "closed_duration_days_mean", "closed_duration_band",
    ),
    "zrm_detail": ("zrm_domain_development", "zrm_change_by_baseline_step"),
    "plan": (
        "plans_agreed", "plan_agreed_days_mean", "closed_with_agreed_plan_pct", "goals_set",
        "goals_proposed_by_client_pct", "goal_status", "goals_achieved_pct", "support_new", "support_new_pct",
        "support_existing", "support_existing_pct", "network_mapped_pct",
    ),
    "wmo_toegang": (
        "wmo_meldingen", "wmo_onderzoek_days_mean", "wmo_onderzoek_in_term_pct", "wmo_beschikking_days_mean",
        "wmo_beschikking_in_term_pct", "delivery_started_days_mean", "delivery_ended", "maatwerk_cost_granted",
    ),
    "short_contacts": ("short_contacts", "short_contacts_anonymous_pct", "short_contact_minutes"),
    "early_signals": (
        "signals_received", "signal_households", "signal_first_attempt_days_mean", "signal_first_attempt_in_term_pct",
        "signal_outcome", "signal_contact_pct", "signal_help_accepted_pct", "signal_attempts_mean",
    ),
    "client_voice": (
        "client_experience_agree_pct", "client_experience_response_pct", "regie_after", "zrm_scored_with",
        "participation_up_pct",
    ),
}
INDICATOR_CODES = tuple(code for codes in FAMILIES.values() for code in codes)

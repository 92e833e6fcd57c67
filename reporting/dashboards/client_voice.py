"""The team dashboard's "Client voice" section (family "Client voice", client-voice.md): the
client experience per statement with the response rate, regie after closure, participation
moved up and who scored the ZRM; team against municipality, from the reporting table.

No figure may let anyone trace an answer to a person: a share over fewer than
``SUPPRESS_BELOW`` answers to a statement is not shown here (the API keeps the exact rows with
their counts). Labels are texts of the code, so the section adds no query."""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy

from cases.models import RegieAfter
from reporting.dashboards.common import Cell
from reporting.indicators.client_voice import SUPPRESS_BELOW, UNKNOWN
from zrm.models import ScoredWith

VOICE_INDICATORS = ("client_experience_agree_pct", "client_experience_response_pct", "regie_after",
                    "zrm_scored_with", "participation_up_pct")
STATEMENTS = (  # the default statements' codes, in their order, with a short label
    ("weet_waar", gettext_lazy("knew where to go")),
    ("snel_geholpen", gettext_lazy("was helped quickly")),
    ("serieus_genomen", gettext_lazy("was taken seriously")),
    ("samen_oplossing", gettext_lazy("looked for solutions together")),
    ("kwaliteit_goed", gettext_lazy("the support was good")),
    ("past_bij_vraag", gettext_lazy("the support fitted the need")),
    ("beter_dingen_doen", gettext_lazy("can better do what they want")),
    ("beter_redden", gettext_lazy("copes better")),
    ("kwaliteit_van_leven", gettext_lazy("better quality of life")),
)


@dataclass
class VoiceRow:
    label: str
    cells: list
    key: str = ""


@dataclass
class VoiceSection:
    figures: list = field(default_factory=list)
    statements: list = field(default_factory=list)
    regie: list = field(default_factory=list)
    scored_with: list = field(default_factory=list)
    suppress_below: int = SUPPRESS_BELOW


@dataclass(frozen=True)
class SuppressedCell(Cell):
    """A share over too few answers: shown as a dash with the reason, never the value."""

    suppressed: bool = True

    def __str__(self) -> str:
        return "–"


def _cell(figure, decimals: int = 0, unit: str = "") -> Cell:
    return Cell(figure.value, figure.count, decimals, unit) if figure else Cell(None, None, decimals, unit)


def agree_cell(figure) -> Cell:
    """The share of a statement, unless fewer than SUPPRESS_BELOW answers gave it."""
    if figure is not None and figure.count < SUPPRESS_BELOW:
        return SuppressedCell(None, None, 1, "%")
    return _cell(figure, 1, "%")


def voice_section(rows, code: str, team_id: int) -> VoiceSection:
    section = VoiceSection()
    for indicator, label in (("client_experience_response_pct", gettext_lazy("closed dossiers with a questionnaire")),
                             ("participation_up_pct", gettext_lazy("moved up the participatieladder"))):
        section.figures.append(VoiceRow(str(label), [_cell(rows.get(code, t, indicator), 1, "%")
                                                     for t in (team_id, None)], key=indicator))
    agree, agree_all = (rows.dimensions(code, t, "client_experience_agree_pct") for t in (team_id, None))
    known = dict(STATEMENTS)
    for statement in [*known, *sorted(set(agree) | set(agree_all) - set(known))]:
        if statement in agree or statement in agree_all:
            section.statements.append(VoiceRow(str(known.get(statement, statement)),
                                               [agree_cell(agree.get(statement)), agree_cell(agree_all.get(statement))],
                                               key=statement))
    for indicator, target, choices in (("regie_after", section.regie, RegieAfter.choices),
                                       ("zrm_scored_with", section.scored_with,
                                        [*ScoredWith.choices, (UNKNOWN, gettext_lazy("unknown"))])):
        team, everyone = (rows.dimensions(code, t, indicator) for t in (team_id, None))
        for value, label in choices:
            if value in team or value in everyone:
                target.append(VoiceRow(str(label), [_cell(team.get(value)), _cell(everyone.get(value))], key=value))
    return section


def build(dashboard, s) -> None:
    dashboard.voice = voice_section(s.rows, s.code, s.team_id)

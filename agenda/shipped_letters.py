"""The standard letters shipped with the product (in Dutch, B1), installed by a data
migration. Functional administration may change them afterwards; the migration never
overwrites a template that exists."""

SHIPPED = [
    {
        "code": "uitnodiging-kennismaking",
        "name": "Uitnodiging kennismakingsgesprek",
        "title": "Uitnodiging voor een kennismakingsgesprek",
        "needs_appointment": True,
        "body": (
            "Beste {naam},\n\n"
            "U heeft zich aangemeld bij {team}. Wij willen graag kennis met u maken. "
            "In een eerste gesprek vertelt u wat er speelt en wat u zelf wilt. Samen kijken we wat u nodig heeft.\n\n"
            "Wanneer: {afspraak_datum}, van {afspraak_tijd}.\n"
            "Waar: {afspraak_plaats}.\n\n"
            "U mag iemand meenemen die u vertrouwt, bijvoorbeeld een familielid of een buur.\n\n"
            "Kunt u niet? Bel of mail ons dan. Dan maken we een nieuwe afspraak.\n\n"
            "Met vriendelijke groet,\n\n{medewerker}\n{team}"
        ),
    },
    {
        "code": "bevestiging-afspraak",
        "name": "Bevestiging afspraak",
        "title": "Bevestiging van onze afspraak",
        "needs_appointment": True,
        "body": (
            "Beste {naam},\n\n"
            "Hierbij bevestigen wij onze afspraak.\n\n"
            "Wat: {afspraak_soort}.\n"
            "Wanneer: {afspraak_datum}, van {afspraak_tijd}.\n"
            "Waar: {afspraak_plaats}.\n\n"
            "Kunt u niet? Laat het ons zo snel mogelijk weten. Dan maken we een nieuwe afspraak.\n\n"
            "Met vriendelijke groet,\n\n{medewerker}\n{team}"
        ),
    },
    {
        "code": "afgesproken-plan",
        "name": "Het afgesproken plan",
        "title": "Uw plan: wat we samen hebben afgesproken",
        "needs_appointment": False,
        "body": (
            "Beste {naam},\n\n"
            "Op {plan_datum} hebben we samen uw plan gemaakt. In deze brief leest u de doelen die we hebben "
            "afgesproken.\n\n"
            "{doelen}\n\n"
            "Klopt er iets niet, of wilt u iets veranderen? Zeg het ons. Het is uw plan.\n\n"
            "Met vriendelijke groet,\n\n{medewerker}\n{team}"
        ),
    },
    {
        "code": "afsluiting",
        "name": "Afsluitbrief",
        "title": "Einde van de ondersteuning",
        "needs_appointment": False,
        "body": (
            "Beste {naam},\n\n"
            "We hebben samen afgesproken dat de ondersteuning van {team} stopt. "
            "Dank u wel voor het vertrouwen en de samenwerking.\n\n"
            "Heeft u later weer hulp nodig? Dan kunt u ons altijd bellen of mailen. "
            "Noem dan uw dossiernummer: {dossiernummer}.\n\n"
            "Wij bewaren uw gegevens zo lang als de wet voorschrijft. Daarna vernietigen wij ze.\n\n"
            "Met vriendelijke groet,\n\n{medewerker}\n{team}"
        ),
    },
]

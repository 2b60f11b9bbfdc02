"""Gender-coded words in Dutch vacancy texts, with neutral alternatives.

Our own list, after the idea of Gaucher, Friesen & Kay (2011, *Journal of Personality and
Social Psychology* 101(1)): wording that is read as masculine ("competitief", "dominant")
makes a vacancy less attractive to women; feminine-read wording has a smaller effect. There is
no open Dutch list, so these words are chosen and translated by hand for Dutch government IT
vacancies. Each entry names a lemma; :func:`forms` adds the regular Dutch inflections
(ambitieus → ambitieuze, loyaal → loyale, competitief → competitieve) and the ``-heid`` noun.

``not_before`` is a regular expression tried right after the word; when it matches, the word is
used in another sense (``onafhankelijk van``, ``zelfstandig bestuursorgaan``,
``betrokken partijen``) and does not count.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["FEMININE", "MASCULINE", "GenderWord", "forms"]


@dataclass(frozen=True, slots=True)
class GenderWord:
    """A gender-coded lemma with its alternative and optional extra forms."""

    lemma: str
    alternative: str
    extra: tuple[str, ...] = ()
    adjective: bool = True
    not_before: str = ""


def forms(word: GenderWord) -> tuple[str, ...]:
    """All lower-case surface forms of a lemma: inflections, ``-heid`` noun and extras."""
    base = word.lemma
    out = {base, *word.extra}
    if word.adjective:
        if base.endswith("ief"):
            out.add(base[:-1] + "ve")
        elif base.endswith("eus"):
            out.add(base[:-1] + "ze")
        elif (
            len(base) > 3
            and base[-3] == base[-2]
            and base[-2] in "aeou"
            and base[-1] not in "aeiou"
        ):
            out.add(base[:-2] + base[-1] + "e")
        else:
            out.add(base + "e")
        out.add(base + "heid")
        if base.endswith(("ig", "isch", "baar", "end", "rd", "ig")):
            out.add(base + "er")
            out.add(base + "ere")
    return tuple(sorted(out))


MASCULINE: tuple[GenderWord, ...] = (
    GenderWord("ambitieus", "je wilt graag leren en groeien"),
    GenderWord(
        "competitief",
        "je werkt graag samen aan een goed resultaat",
        ("competitiedrang",),
        not_before=r"\s+(?:salaris|beloning|arbeidsvoorwaarden|loon|pakket)",
    ),
    GenderWord("dominant", "je durft je mening te geven", ("dominantie",)),
    GenderWord("analytisch", "je zoekt graag uit hoe iets werkt", ("analytici",)),
    GenderWord("stressbestendig", "je blijft rustig als het druk is"),
    GenderWord("resultaatgericht", "je maakt af waar je aan begint", ("resultaatgerichtheid",)),
    GenderWord(
        "zelfstandig",
        "je kunt ook alleen aan een taak werken",
        not_before=r"\s+(?:bestuursorga\w*|naamwoord\w*|ondernemer\w*|zonder\s+personeel)",
    ),
    GenderWord("daadkrachtig", "je neemt een besluit als dat nodig is", ("daadkracht",)),
    GenderWord("assertief", "je zegt wat je denkt", ("assertiviteit",)),
    GenderWord("doortastend", "je pakt dingen op"),
    GenderWord("besluitvaardig", "je kunt keuzes maken", ("besluitvaardigheid",)),
    GenderWord("doelgericht", "je werkt aan een duidelijk doel", ("doelgerichtheid",)),
    GenderWord("prestatiegericht", "je wilt goed werk leveren"),
    GenderWord("gedreven", "je hebt zin in het werk", ("gedrevenheid",)),
    GenderWord(
        "leiderschap", "je helpt het team verder", ("leiderschapskwaliteiten",), adjective=False
    ),
    GenderWord(
        "onafhankelijk",
        "je kunt je eigen werk plannen",
        not_before=r"\s+(?:van|onderzoek\w*|advies\w*|toezicht\w*)\b",
    ),
    GenderWord("uitdaging", "interessant werk", ("uitdagingen",), adjective=False),
    GenderWord("uitdagend", "interessant, afwisselend"),
    GenderWord("ondernemend", "je komt zelf met ideeën", ("ondernemerschap",)),
    GenderWord("zelfverzekerd", "je durft vragen te stellen", ("zelfvertrouwen",)),
    GenderWord(
        "overtuigend", "je legt goed uit waarom iets belangrijk is", ("overtuigingskracht",)
    ),
    GenderWord(
        "dynamisch",
        "afwisselend",
        not_before=r"\s+(?:webpagina\w*|pagina\w*|website\w*|content|data|formulier\w*)",
    ),
    GenderWord(
        "proactief",
        "je ziet zelf wat er moet gebeuren",
        ("pro-actief", "pro-actieve", "proactiviteit"),
    ),
    GenderWord("slagvaardig", "je pakt dingen snel op", ("slagvaardigheid",)),
    GenderWord("standvastig", "je houdt vol"),
    GenderWord("vasthoudend", "je houdt vol", ("vasthoudendheid",)),
    GenderWord("avontuurlijk", "je probeert graag nieuwe dingen"),
    GenderWord("moedig", "je durft iets nieuws te proberen", ("moed",)),
    GenderWord("lef", "je durft iets nieuws te proberen", ("durf",), adjective=False),
    GenderWord(
        "winnaar",
        "iemand die graag samen succes heeft",
        ("winnaars", "winnaarsmentaliteit"),
        adjective=False,
    ),
    GenderWord("topper", "goede collega", ("toppers",), adjective=False),
    GenderWord("rationeel", "je denkt rustig na"),
    GenderWord("principieel", "je weet wat je belangrijk vindt"),
    GenderWord("zelfbewust", "je weet wat je kunt"),
    GenderWord("zelfredzaam", "je zoekt zelf antwoorden", ("zelfredzaamheid",)),
    GenderWord("autonoom", "je kunt ook alleen werken", ("autonomie",)),
    GenderWord("stevig", "duidelijk", not_before=r"\s+(?:schoenen|fundament\w*|basis)"),
    GenderWord("agressief", "je zet door", ("agressie",)),
    GenderWord(
        "doorzetter", "je houdt vol", ("doorzetters", "doorzettingsvermogen"), adjective=False
    ),
    GenderWord("strijdlustig", "je zet je in"),
    GenderWord("onverschrokken", "je durft"),
    GenderWord("uitblinker", "goede collega", ("uitblinkers",), adjective=False),
    GenderWord("resoluut", "je neemt een besluit"),
    GenderWord("doelbewust", "je weet wat je wilt bereiken"),
    GenderWord(
        "aanpakker", "je pakt dingen op", ("aanpakkers", "aanpakkersmentaliteit"), adjective=False
    ),
    GenderWord("krachtdadig", "je neemt een besluit"),
    GenderWord(
        "van aanpakken weet",
        "je pakt dingen op",
        ("van aanpakken weten", "van aanpakken weet je"),
        adjective=False,
    ),
    GenderWord("gedecideerd", "duidelijk"),
)

FEMININE: tuple[GenderWord, ...] = (
    GenderWord(
        "betrokken",
        "je denkt mee",
        ("betrokkenheid",),
        adjective=False,
        not_before=r"\s+(?:bij|partij|partijen|afdeling|afdelingen|organisatie|organisaties|instantie|instanties|ketenpartners|partners|ministeries|diensten|medewerkers|collega's|teams|personen|burgers)\b",
    ),
    GenderWord("zorgvuldig", "je werkt precies"),
    GenderWord("ondersteunend", "je helpt collega's"),
    GenderWord("communicatief", "je legt dingen duidelijk uit"),
    GenderWord("loyaal", "je zet je in voor het team", ("loyaliteit",)),
    GenderWord("klantvriendelijk", "je helpt mensen graag", ("klantvriendelijkheid",)),
    GenderWord("empathisch", "je kunt je goed in anderen verplaatsen", ("empathie",)),
    GenderWord("zorgzaam", "je let op anderen"),
    GenderWord("behulpzaam", "je helpt graag"),
    GenderWord("vriendelijk", "je bent prettig in de omgang", ("vriendelijkheid",)),
    GenderWord("geduldig", "je neemt de tijd voor mensen", ("geduld",)),
    GenderWord("begripvol", "je luistert goed"),
    GenderWord("harmonieus", "prettig", ("harmonie",)),
    GenderWord("hulpvaardig", "je helpt graag"),
    GenderWord("inlevingsvermogen", "je begrijpt hoe anderen iets zien", adjective=False),
    GenderWord("sympathiek", "prettig in de omgang"),
    GenderWord(
        "verbindend",
        "je brengt mensen bij elkaar",
        ("verbinder", "verbinders"),
        not_before=r"\s+(?:stuk\w*|element\w*)",
    ),
    GenderWord("gezellig", "prettig", ("gezelligheid",)),
    GenderWord("attent", "je let op anderen"),
    GenderWord("dienstverlenend", "je helpt mensen graag"),
    GenderWord("servicegericht", "je helpt mensen graag"),
    GenderWord("mensgericht", "je werkt graag met mensen"),
    GenderWord("klantgericht", "je helpt mensen graag", ("klantgerichtheid",)),
    GenderWord("meelevend", "je luistert goed"),
    GenderWord("zachtaardig", "rustig"),
    GenderWord("bescheiden", "rustig", adjective=False),
    GenderWord("toegewijd", "je zet je in", ("toewijding",)),
    GenderWord("trouw", "je zet je in voor het team", ("trouwe",), adjective=False),
    GenderWord("sensitief", "je voelt goed aan wat mensen nodig hebben", ("sensitiviteit",)),
    GenderWord("collegiaal", "je helpt je collega's", ("collegialiteit",)),
    GenderWord("coöperatief", "je werkt graag samen", ("cooperatief", "cooperatieve")),
    GenderWord("inlevend", "je begrijpt anderen"),
    GenderWord("tactvol", "je kiest je woorden goed"),
    GenderWord(
        "diplomatiek",
        "je kiest je woorden goed",
        not_before=r"\s+(?:post\w*|dienst\w*|paspoort\w*|corps|vertegenwoordiging\w*)",
    ),
    GenderWord("dienstbaar", "je helpt mensen graag", ("dienstbaarheid",)),
    GenderWord("hartelijk", "vriendelijk in de omgang"),
    GenderWord("verzorgend", "je helpt anderen", not_before=r"\s+(?:beroep\w*|personeel)"),
    GenderWord("warme persoonlijkheid", "vriendelijk", adjective=False),
    GenderWord("luisterend oor", "je luistert goed", ("luisterende oor",), adjective=False),
    GenderWord(
        "sociaal vaardig", "je werkt graag met mensen", ("sociale vaardigheden",), adjective=False
    ),
    GenderWord("teamspeler", "je werkt graag samen", ("teamspelers",), adjective=False),
    GenderWord("samenwerkingsgericht", "je werkt graag samen"),
    GenderWord("zorgzaamheid", "je let op anderen", adjective=False),
)

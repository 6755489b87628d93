"""Dutch texts of the accessibility statement (toegankelijkheidsverklaring)."""

NL = {
    "Accessibility statement": "Toegankelijkheidsverklaring",
    "Accessibility": "Toegankelijkheid",
    "The municipality wants everyone to be able to use this dashboard, including people who use a screen reader, "
    "the keyboard only, a magnifier or a phone. Public-sector websites in the Netherlands must meet the "
    "Web Content Accessibility Guidelines (WCAG) 2.1 at level AA.":
        "De gemeente wil dat iedereen dit dashboard kan gebruiken, ook mensen met een schermlezer, alleen een toetsenbord, "
        "een vergrootglas of een telefoon. Websites van de overheid moeten voldoen aan de Web Content Accessibility "
        "Guidelines (WCAG) 2.1 op niveau AA.",
    "Conformance status": "Nalevingsstatus",
    "This dashboard partially meets WCAG 2.1 level AA: every page is checked automatically and by keyboard, "
    "but it has not yet been audited by an independent expert. The known limitations are listed below.":
        "Dit dashboard voldoet gedeeltelijk aan WCAG 2.1 niveau AA: elke pagina wordt automatisch en met het toetsenbord "
        "gecontroleerd, maar is nog niet door een onafhankelijke deskundige onderzocht. De bekende beperkingen staan hieronder.",
    "How we test": "Hoe we testen",
    "Every page type is checked with axe-core in a real browser (headless Chromium), in Dutch and English; violations of impact serious or critical fail the build.":
        "Elk paginatype wordt gecontroleerd met axe-core in een echte browser (headless Chromium), in het Nederlands en het Engels; "
        "overtredingen met impact ernstig of kritiek laten de build falen.",
    "A scripted keyboard walk-through: skip link, visible focus, every link and control reachable with Tab and operable with Enter.":
        "Een geautomatiseerde toetsenbordronde: skiplink, zichtbare focus, elke link en elk bedieningselement bereikbaar met Tab en te bedienen met Enter.",
    "Reflow: pages are checked at 320 pixels wide for horizontal scrolling.":
        "Reflow: pagina's worden op 320 pixels breed gecontroleerd op horizontaal scrollen.",
    "Charts: every chart has a heading, a sentence that summarises it and a table with the same figures; chart elements are also reachable as links.":
        "Grafieken: elke grafiek heeft een kop, een zin die hem samenvat en een tabel met dezelfde cijfers; onderdelen van grafieken zijn ook als link bereikbaar.",
    "Status (traffic lights) is shown with an icon and a word as well as a colour, in colours that colour-blind readers can tell apart.":
        "Status (stoplichten) wordt getoond met een pictogram en een woord naast een kleur, in kleuren die kleurenblinde lezers kunnen onderscheiden.",
    "Known limitations": "Bekende beperkingen",
    "Inside a chart, individual points cannot be reached with the keyboard; use the table below each chart or the links next to it.":
        "Binnen een grafiek zijn afzonderlijke punten niet met het toetsenbord bereikbaar; gebruik de tabel onder elke grafiek of de links ernaast.",
    "Hover labels in charts appear only with a mouse; the same figures are in the tables.":
        "Labels in grafieken verschijnen alleen met een muis; dezelfde cijfers staan in de tabellen.",
    "Downloaded CSV files are plain data without descriptions; the data dictionary describes every column.":
        "Gedownloade CSV-bestanden bevatten alleen data zonder toelichting; het datawoordenboek beschrijft elke kolom.",
    "Report a problem": "Een probleem melden",
    "Did you find something you cannot use? Tell the municipality's information desk which page and what went wrong; "
    "we answer within two weeks.":
        "Kunt u iets niet gebruiken? Laat het informatiepunt van de gemeente weten om welke pagina het gaat en wat er misging; "
        "we antwoorden binnen twee weken.",
    "This statement was drawn up on 22 November 2026.": "Deze verklaring is opgesteld op 22 november 2026.",
}

NL.update(
    {
        "Contact": "Contact",
        "E-mail": "E-mail",
        "No contact address has been configured for this dashboard yet (DASHBOARD_CONTACT_EMAIL); ask the municipality's information desk.":
            "Voor dit dashboard is nog geen contactadres ingesteld (DASHBOARD_CONTACT_EMAIL); vraag het aan het informatiepunt van de gemeente.",
    }
)

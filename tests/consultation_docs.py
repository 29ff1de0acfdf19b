"""Consultation documents made for the tests and the benchmark: laid out like real ones (a PDF
with numbered sections and questions, a Word response form with a table of questions, text
pasted from a council web page), and hostile ones (empty, scanned, huge, protected, macros,
random bytes). All invented: the bodies, names, addresses and links do not exist.
"""

from __future__ import annotations

import random
import zipfile
from io import BytesIO

# The PDF: a council's consultation paper. Each item is one page: a list of (kind, text).
PAPER_PAGES = [
    [
        ("title", "Westbrook City Council"),
        ("title", "Consultation on the future of community wellbeing services"),
        ("text", "Reference: WCC/ASC/2026/114"),
        ("text", "Published by Westbrook City Council, Adult Social Care and Health."),
        (
            "text",
            "The consultation runs from 3 November 2026 to 15 December 2026. Please send us"
            " your views by 11.59pm on the closing date.",
        ),
    ],
    [
        ("heading", "1. Introduction"),
        (
            "text",
            "1.1 Westbrook City Council currently funds eleven local organisations through"
            " grants to run lunch clubs, befriending and advice for older people.",
        ),
        (
            "text",
            "1.2 Grant funding will end on 31 March 2027 and the services will be"
            " recommissioned through a competitive tender.",
        ),
    ],
    [
        ("heading", "2. What we propose"),
        (
            "text",
            "2.1 We propose to appoint a single lead provider to deliver one integrated and"
            " unified service model across the whole city from 1 April 2027.",
        ),
        (
            "text",
            "2.2 The lead provider may subcontract parts of the service to local partners."
            " Bids will be evaluated on price 60% and quality 40%, with social value"
            " assessed within the quality score.",
        ),
        (
            "text",
            "2.3 The contract will be for 3 years with an option to extend for a further"
            " 2 years. Up to 10% of the contract value will be linked to outcomes through"
            " payment by results.",
        ),
    ],
    [
        ("heading", "3. Next steps"),
        (
            "text",
            "3.1 A market engagement event for potential providers was held in September"
            " 2026. Staff of current providers may be affected by TUPE.",
        ),
        (
            "text",
            "3.2 An equality impact assessment will be published alongside the final"
            " decision in February 2027.",
        ),
    ],
    [
        ("heading", "4. Consultation questions"),
        ("text", "Q1. Do you agree with our proposal to appoint a single lead provider?"),
        ("text", "Strongly agree / Agree / Disagree / Strongly disagree"),
        (
            "text",
            "Q2. What would be the impact on you or the people you support if the current"
            " grant-funded services ended?",
        ),
        ("text", "Q3. How could the new service work with local community groups?"),
        ("text", "(a) during the change to the new service"),
        ("text", "(b) once the new service is running"),
        ("text", "Q4. Please tell us anything else you would like us to consider."),
        ("heading", "5. How to respond"),
        (
            "text",
            "You can complete the online survey at"
            " https://haveyoursay.westbrook.example/wellbeing or email your response to"
            " wellbeing.consultation@westbrook.example.",
        ),
        (
            "text",
            "Or write to Freepost WESTBROOK CONSULTATION, Civic Centre, Market Street,"
            " Westbrook WB1 2AA.",
        ),
    ],
]

# The Word response form of an NHS body: a table of numbered questions.
FORM_TITLE = "Community Mental Health Support: response form"
FORM_INTRO = [
    "NHS Harrowfield Integrated Care Board",
    "Our reference: HICB-MH-0427",
    "This consultation opens on 1 December 2026 and closes on 12 January 2027.",
    "We propose to commission the service through a framework of approved providers, with"
    " mini-competitions for each area.",
    "Please return this form by email to engage.harrowfield@nhs.example by 12 January 2027.",
]
FORM_QUESTIONS = [
    ("1", "Do you support the use of a framework of approved providers?"),
    ("2", "Which parts of the current support matter most to you?"),
    ("3", "Is there anything in our proposals that would make it harder for you to get help?"),
]

# Text copied from a council's "Have your say" web page.
PASTED = """Have your say: Youth services review
Eastmoor Borough Council
Skip to main content | Home > Council and democracy > Consultations

This consultation closes on Friday 9 January 2027.

We are reviewing how youth services are provided across the borough. The service will be
split into three lots (north, central and south) and providers may bid for one or more lots.
Contracts will be awarded through a competitive tender under the Procurement Act 2023.

The options appraisal for this review is commercially sensitive and will not be published.

Questions
1. How often do young people you know use youth clubs in Eastmoor?
2. What should a good youth service offer?
3. Do you have any other comments?

Take part online at https://www.eastmoor.example/consultations/youth-review
"""


def paper_pdf(pages: list[list[tuple[str, str]]] = PAPER_PAGES, repeat: int = 1) -> bytes:
    """The council's paper as a PDF, one page per item, numbered at the foot; `repeat` gives
    that many copies of the middle pages (for a long document), before the questions."""
    from fpdf import FPDF

    class Paper(FPDF):
        def footer(self) -> None:
            self.set_y(-15)
            self.set_font("Helvetica", "", 9)
            self.cell(0, 10, f"Page {self.page_no()}", align="C")

    pdf = Paper(format="A4")
    pdf.set_margins(20, 20, 20)
    for page in [pages[0], *pages[1:-1] * repeat, pages[-1]]:
        pdf.add_page()
        for kind, text in page:
            size = {"title": 18, "heading": 14}.get(kind, 11)
            pdf.set_font("Helvetica", "B" if kind != "text" else "", size)
            pdf.multi_cell(0, size * 0.5, text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
    return bytes(pdf.output())


# Background of the kind that fills most pages of a long paper, our own invented words.
BACKGROUND = (
    "Demand for support has grown each year since 2021, above all among people over 75 who"
    " live alone. Local organisations report longer waiting lists for befriending, and more"
    " referrals from GP practices and the hospital discharge team. Volunteers give around"
    " 1,200 hours a month across the city, and most groups also raise money of their own from"
    " trusts, events and donations. The council spends about 1.4 million pounds a year on"
    " these services, shared between eleven organisations of very different sizes."
)


def long_pdf(repeat: int = 13, background: int = 4) -> bytes:
    """A long consultation paper: 2 + 3 x `repeat` pages (41 by default), each middle page
    with `background` more paragraphs, about 3,000 characters a page as in a real paper."""
    middle = [page + [("text", BACKGROUND)] * background for page in PAPER_PAGES[1:-1]]
    return paper_pdf([PAPER_PAGES[0], *middle, PAPER_PAGES[-1]], repeat=repeat)


def form_docx(title: str = FORM_TITLE) -> bytes:
    """The NHS body's Word response form, its questions in a table with an answer column."""
    import docx

    document = docx.Document()
    document.add_heading(title, level=0)
    for line in FORM_INTRO:
        document.add_paragraph(line)
    table = document.add_table(rows=1, cols=3)
    table.rows[0].cells[0].text = "No."
    table.rows[0].cells[1].text = "Question"
    table.rows[0].cells[2].text = "Your answer"
    for number, question in FORM_QUESTIONS:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = number, question
    document.add_paragraph("Thank you for taking part.")
    out = BytesIO()
    document.save(out)
    return out.getvalue()


def macro_docx() -> bytes:
    """A macro-enabled Word file (.docm) as saved by Word, to be renamed .docx."""
    source = zipfile.ZipFile(BytesIO(form_docx()))
    out = BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(
                    b"document.main+xml", b"document.macroEnabled.main+xml"
                ).replace(
                    b"wordprocessingml.document.macroEnabled", b"ms-word.document.macroEnabled"
                )
            target.writestr(item, data)
        target.writestr("word/vbaProject.bin", b"\xd0\xcf\x11\xe0" + b"\0" * 512)
    return out.getvalue()


def scanned_pdf() -> bytes:
    """A PDF of pictures of pages: shapes, no text."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    for _ in range(3):
        pdf.add_page()
        for y in range(30, 260, 12):
            pdf.rect(20, y, 170, 6, style="F")
    return bytes(pdf.output())


def protected_pdf(password: str = "council", owner: str = "") -> bytes:
    """The council's paper encrypted with AES: it needs `password` to open (none if empty;
    then only `owner` may edit it, as many councils' PDFs are set up)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(BytesIO(paper_pdf())))
    writer.encrypt(password, owner or None, algorithm="AES-256")
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


def random_bytes(size: int = 20_000) -> bytes:
    return random.Random(14).randbytes(size)

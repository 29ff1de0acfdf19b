"""Varied sample drafts for the letter measures (tests/test_letter_measures.py and
bench/letters.py): the shapes of draft the templates must serve, written as a group would."""

from __future__ import annotations

from drafting.model.draft import Draft
from drafting.model.parsing import draft_from_dict

SCHEMA = "response-builder/draft@1"
GROUP = {
    "name": "Eastfield Carers' Network",
    "about": "A carers' support group run by volunteers on the Eastfield estate since 2009.",
    "address": "12 Mill Lane, Eastfield EF2 3CD",
    "email": "info@eastfield-carers.example",
    "signatory": "Dev Patel",
    "role": "Chair",
}
CONSULTATION = {
    "body": "Eastfield Borough Council",
    "title": "Future of Community Wellbeing Services",
    "reference": "EBC/CW/2026",
    "closes": "2027-02-14",
    "opens": "2026-12-01",
    "recipient": "Head of Commissioning, Adult Social Care",
    "service": "community wellbeing",
}


def _draft(**fields) -> Draft:
    return draft_from_dict(
        {"schema": SCHEMA, "group": GROUP, "consultation": CONSULTATION, **fields}
    )


def seven_reasons() -> Draft:
    """Seven reasons with short examples, national evidence ticked, three fairness concerns."""
    examples = {
        2: "The draft criteria give 60% of the marks to price.",
        3: "Our grant has not risen since 2021; we now cover £6,000 a year from donations.",
        14: "A national charity won the neighbouring county's carers' contract in 2023.",
        19: "Our last bid took two part-time staff about 90 hours.",
        20: "Most of the carers we support speak little English and use no other service.",
        25: "When a home care firm failed in 2023, 45 clients had no visits for nine days.",
        26: "The paper claims savings of 15% but gives no figures.",
    }
    return _draft(
        reasons=[{"id": k, "example": v} for k, v in examples.items()],
        evidence=[3, 14, 20, 26],
        fairness=["time", "information", "equality"],
        fairness_notes={"time": "The papers reached us on 20 December, over the holidays."},
        asks=["Keep the carers' grant at its current level until 2029."],
        context="We run weekly drop-ins and a phone line for about 140 unpaid carers.",
    )


def no_examples() -> Draft:
    """Five reasons and not one example: the letter must still make each reason's point."""
    return _draft(reasons=[{"id": i} for i in (1, 7, 9, 12, 24)], template="email")


def questions() -> Draft:
    """A consultation with its own numbered questions, one left unanswered."""
    return _draft(
        reasons=[
            {"id": 2, "example": "Price is 70% of the marks in the draft criteria."},
            {"id": 9, "example": "We found the rise in older men skipping meals in 2025."},
            {"id": 13, "example": "Our lunch club began with six volunteers in 2019."},
        ],
        questions=[
            {
                "number": "1",
                "text": "Q1. Do you agree with the proposed service model?",
                "answer": "No. One contract for the whole borough would lose the"
                " neighbourhood groups that carers trust.",
                "reasons": [2, 9],
            },
            {
                "number": "2",
                "text": "What works well in the current services?",
                "answer": "Carers can walk in without a referral, and volunteers who have"
                " been carers themselves answer the phone.",
                "reasons": [9, 13],
            },
            {"number": "3", "text": "Is there anything else you would like to tell us?"},
        ],
        template="questions",
        stage="early",
        position="support_with_changes",
        summary="Keep neighbourhood groups at the heart of any new model.",
        agree="We agree that carers need help earlier, before they reach crisis.",
    )


def joint() -> Draft:
    """A joint response from three groups, firm tone, tender announced, its own ask to pause."""
    return _draft(
        reasons=[
            {
                "id": 1,
                "example": "Our shared outreach with St Mark's ended when both were told to bid.",
            },
            {"id": 22, "example": "In January we were asked to leave the carers' strategy group."},
        ],
        asks=["Pause the tender until the carers' strategy has been agreed."],
        co_signatories=[
            {"group": "St Mark's Youth Project", "name": "Ann Lee", "role": "Manager"},
            {"group": "Eastfield Food Bank", "name": "Sam Okafor", "role": "Trustee"},
        ],
        copy_to=["Cllr Jo Bloggs, Cabinet Member for Adult Social Care"],
        alternatives=["grants", "partnership", "psr-direct"],
        tone="firm",
        stage="tender",
        position="oppose",
    )


def nhs() -> Draft:
    """An NHS consultation on a health service: the Provider Selection Regime applies."""
    return draft_from_dict(
        {
            "schema": SCHEMA,
            "group": GROUP,
            "consultation": {
                "body": "NHS Eastfield Integrated Care Board",
                "title": "Recommissioning Community Mental Health Support",
                "recipient": "Ms Amina Khan, Director of Commissioning",
                "service": "community mental health support",
            },
            "reasons": [
                {"id": 19, "example": "Our last bid took 90 hours of volunteer time."},
                {
                    "id": 26,
                    "example": "The ICB has published no evaluation of the current service.",
                },
            ],
            "evidence": [19, 26],
            "alternatives": ["psr-direct", "grants"],
            "position": "support_with_concerns",
        }
    )


def rich() -> Draft:
    """A group that wrote fully: examples of two or three sentences, its context, its asks, a
    summary, where it agrees and a note on the consultation's fairness."""
    examples = {
        20: "We were set up in 2009 by carers on the estate. Most of the 140 carers we support"
        " speak little English, and for two in three of them we are the only service they use."
        " A larger provider based in the town centre would not reach them.",
        19: "Our last bid, in 2024, took our two part-time workers about 90 hours over three"
        " weeks. We cancelled four drop-in sessions to do it, and nobody paid for that time.",
        9: "In 2025 our volunteers noticed that older men caring for their wives were skipping"
        " meals. We set up a Tuesday lunch with them, but the needs assessment for this"
        " consultation does not mention them at all.",
        2: "The draft criteria give 60% of the marks to price. Our volunteers' home visits, which"
        " cost the council nothing, would score no points under that scheme.",
        25: "When the home care firm covering our villages failed in 2023, 45 of its clients had"
        " no visits for nine days, and our volunteers did the shopping until new cover came.",
    }
    return _draft(
        reasons=[{"id": k, "example": v} for k, v in examples.items()],
        context="The council plans to replace five small grants with one contract for the"
        " whole borough from April 2028. We receive one of those grants, £18,000 a year, and"
        " run two drop-ins, a phone line and home visits with 35 volunteers.",
        asks=[
            "Keep the carers' grant at £18,000 a year until at least March 2029.",
            "Meet the five groups that hold the current grants before the model is decided.",
        ],
        summary="We ask the council to keep funding neighbourhood carers' groups directly"
        " rather than through one borough-wide contract.",
        agree="We agree that carers should get help earlier and that the current grants are"
        " not joined up well enough.",
        fairness=["time"],
        fairness_notes={
            "time": "The papers reached us on 20 December, and our volunteers"
            " were away over the holidays."
        },
        evidence=[20, 19],
        alternatives=["grants", "keep-it-local"],
    )


def thin() -> Draft:
    """The least a group might send: one reason, one short example, nothing else chosen."""
    return _draft(reasons=[{"id": 19, "example": "Our last bid cost us £450 and 60 hours."}])


def crisis_cafe() -> Draft:
    """A rich NHS draft: a crisis café's figures and a visitor's words in quotes, a passage of
    the consultation document quoted, its own asks that repeat the stock ones' subjects."""
    return draft_from_dict(
        {
            "schema": SCHEMA,
            "group": {
                **GROUP,
                "name": "Riverside Crisis Café",
                "registration": "Registered charity 1187654",
                "about": "A crisis café open four evenings a week.",
            },
            "consultation": {
                "body": "NHS Riverside Integrated Care Board",
                "title": "Recommissioning Mental Health Crisis Alternatives",
                "recipient": "Ms Amina Khan, Director of Commissioning",
                "service": "mental health crisis alternatives",
                "closes": "2027-01-31",
            },
            "reasons": [
                {
                    "id": 20,
                    "example": "Last year the café had 1,870 visits, two in three of them"
                    " after 8pm, when no other service is open. One visitor told us in"
                    " October: \u201cThis is the only place where nobody rushes me.\u201d",
                    "quote": {"text": "One integrated and unified service model", "page": 4},
                },
                {
                    "id": 19,
                    "example": "Our bid for the 2024 pilot cost £450 in printing and advice,"
                    " and about 70 hours of our manager's time. We did not win it.",
                },
                {
                    "id": 14,
                    "example": "Brook Street Club, two miles away, closed in 2025 after losing"
                    " a borough-wide contract to a national provider. Its members now travel"
                    " to us.",
                },
                {"id": 25},
                {"id": 12},
            ],
            "asks": [
                "Fund the crisis café directly under the Provider Selection Regime.",
                "Keep funding small crisis services through grants.",
                "Split any contract into local lots.",
                "Publish the options appraisal before the board decides.",
            ],
            "alternatives": ["psr-direct", "grants", "local-lots"],
            "fairness": ["equality"],
            "position": "oppose",
            "stage": "formal",
            "template": "email",
        }
    )


def joint_lunch() -> Draft:
    """A joint response, collaborative, whose own asks pull both ways and repeat stock ones."""
    return _draft(
        reasons=[
            {"id": 1, "example": "Six lunch clubs share one minibus and one volunteer rota."},
            {"id": 13, "example": "Our Tuesday lunch began as a trial in 2019 and now feeds 40."},
            {"id": 3, "example": "Our grant has not risen since 2021."},
            {"id": 8},
        ],
        asks=[
            "Set the tender aside and keep the lunch clubs' grants.",
            "Pay the full cost of any contract, including the minibus.",
            "Keep part of the budget as grants for new clubs.",
        ],
        co_signatories=[
            {"group": "Westside Lunch Club", "name": "Mo Ahmed", "role": "Secretary"},
            {"group": "Hilltop Pensioners", "name": "Jean Price", "role": "Chair"},
        ],
        fairness=["time", "information"],
        position="oppose",
        stage="formal",
        tone="collaborative",
        template="councillors",
    )


def early_changes() -> Draft:
    """Early engagement, and a group that could support the plans only with changes: its own
    asks accept a contract; its alternatives include two that replace one."""
    return _draft(
        reasons=[
            {"id": 14, "example": "The last borough-wide contract went to a firm from Leeds."},
            {"id": 3, "example": "Our costs rose 11% last year; our grant did not."},
            {"id": 9, "example": "We run the only carers' group in Welsh on the estate."},
        ],
        asks=[
            "Divide the contract into neighbourhood lots.",
            "Price the contract at its full cost, with a yearly uplift.",
        ],
        alternatives=["grants", "local-lots", "partnership", "in-house"],
        position="support_with_changes",
        stage="early",
        template="email",
    )


def council_questions() -> Draft:
    """A council's own questions, each answered, a formal stage and a group that opposes."""
    return _draft(
        reasons=[
            {"id": 2, "example": "Price is 60% of the marks in the draft criteria."},
            {"id": 10, "example": "The cabinet decides on 3 March, before scrutiny meets."},
        ],
        questions=[
            {
                "number": "1",
                "text": "Do you agree with the proposed single contract?",
                "answer": "No. A single contract would end the grants that keep four"
                " neighbourhood groups open.",
                "reasons": [2],
            },
            {
                "number": "2",
                "text": "How should the council involve residents?",
                "answer": "Bring the decision to scrutiny first, and hold a public meeting.",
                "reasons": [10],
            },
        ],
        position="oppose",
        stage="formal",
        template="questions",
        tone="firm",
    )


def wordy() -> Draft:
    """A group whose own examples alone pass the email's 500 words."""
    long = " ".join(
        f"In week {n} our volunteers made {n + 20} home visits and ran the phone line for"
        f" {n + 3} evenings, and carers told us each time that nobody else had called."
        for n in range(1, 9)
    )
    return _draft(
        reasons=[{"id": 20, "example": long}, {"id": 9, "example": long.replace("week", "month")}],
        position="oppose",
        stage="tender",
        template="email",
    )


def samples() -> dict[str, Draft]:
    return {
        "rich": rich(),
        "seven-reasons": seven_reasons(),
        "no-examples": no_examples(),
        "questions": questions(),
        "joint": joint(),
        "nhs": nhs(),
        "thin": thin(),
        "crisis-cafe-nhs": crisis_cafe(),
        "joint-lunch": joint_lunch(),
        "early-changes": early_changes(),
        "council-questions": council_questions(),
        "wordy": wordy(),
    }

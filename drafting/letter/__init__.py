"""The letter: templates (`templates`), their context (`views`, `context`, `phrasing`,
`asks`), assembly within a budget (`assembly`), the parsed structure (`blocks`), the final
letter with the group's edits (`final`), its length and own-words measures (`length`,
`ownwords`), and answers for an online survey (`survey`).

May import: `reasons/`, `drafting.text`, `drafting.model`, `drafting.reading`, `drafting.advice`.
"""

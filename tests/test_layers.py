"""The core's imports point one way: `reasons/` (the data files and their loaders) at the
bottom, then the draft model, then everything else in `drafting/`, with no circle anywhere.

Every import counts: at the top of a module, inside a function, or for type checking only.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORE = ("reasons", "drafting")


def module_name(path: Path) -> str:
    package = path.parent.name
    return package if path.stem == "__init__" else f"{package}.{path.stem}"


def imported(path: Path) -> set[str]:
    """Every module `path` imports, wherever the import statement stands."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module)  # and `from package import module`:
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def core_imports(packages: tuple[str, ...] = CORE) -> dict[str, set[str]]:
    modules = {}
    for package in packages:
        for path in sorted((ROOT / package).glob("*.py")):
            modules[module_name(path)] = imported(path)
    return modules


def find_circle(graph: dict[str, set[str]]) -> list[str]:
    """One circle of imports in `graph` (as a path that ends where it starts), or []."""
    state: dict[str, str] = {}
    path: list[str] = []

    def visit(name: str) -> list[str]:
        state[name] = "open"
        path.append(name)
        for target in sorted(graph.get(name, ())):
            if state.get(target) == "open":
                return [*path[path.index(target) :], target]
            if target not in state and (circle := visit(target)):
                return circle
        state[name] = "done"
        path.pop()
        return []

    for name in sorted(graph):
        if name not in state and (circle := visit(name)):
            return circle
    return []


def test_the_imports_hold_no_circle():
    modules = core_imports((*CORE, "app_pages"))
    graph = {name: {t for t in targets if t in modules} for name, targets in modules.items()}
    assert find_circle(graph) == []


def test_the_circle_finder_finds_a_circle():
    # The check above can fail: the circle this layering removed is found when put back.
    graph = {
        "drafting.calendar": {"drafting.draft"},
        "drafting.draft": {"drafting.fairness"},
        "drafting.fairness": {"drafting.calendar"},
        "drafting.wording": set(),
    }
    assert find_circle(graph) == [
        "drafting.calendar",
        "drafting.draft",
        "drafting.fairness",
        "drafting.calendar",
    ]


@pytest.mark.parametrize("name", sorted(n for n in core_imports() if n.startswith("reasons")))
def test_reasons_sit_below_drafting(name):
    targets = core_imports()[name]
    assert not {t for t in targets if t.split(".")[0] in ("drafting", "app_pages")}


def test_the_draft_model_is_the_bottom_of_drafting():
    # It takes the known reason, concern, tone and position ids from reasons/.
    assert not {t for t in core_imports()["drafting.draft"] if t.startswith("drafting")}


@pytest.mark.parametrize("name", sorted(core_imports()))
def test_the_core_never_imports_the_app_nor_its_own_package(name):
    targets = core_imports()[name]
    package = name.split(".")[0]
    assert not {t for t in targets if t.split(".")[0] in ("streamlit", "app_pages", "app")}
    if name != package:
        assert package not in targets, f"{name} imports its own package's front door"


def test_every_data_file_is_read_beside_the_others_in_reasons():
    data_files = {p.name for p in (ROOT / "reasons").glob("*.toml")}
    assert {"fairness.toml", "tones.toml", "positions.toml", "signals.toml"} <= data_files
    assert not list((ROOT / "drafting").glob("*.toml"))
    assert not list((ROOT / "letter_templates").glob("*.toml"))


def test_the_readme_code_map_names_every_module():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    code_map = readme.split("## Code map", 1)[1].split("\n## ", 1)[0]
    pages = {p.stem for p in (ROOT / "app_pages").glob("*.py")} - {"__init__"}
    steps = {"start", "situation", "reasons", "examples", "details", "questions", "letter"}
    modules = [
        f"{p.stem}.py"
        for package in CORE
        for p in (ROOT / package).glob("*.py")
        if p.stem not in ("__init__", "__main__")
    ] + [f"{stem}.py" for stem in pages - steps]
    assert [m for m in modules if f"{m}`" not in code_map] == []

"""The core's imports point one way, down the stages a draft passes through:

    reasons/  <  drafting.text  <  drafting.model  <  drafting.reading, drafting.advice
              <  drafting.letter  <  drafting.output  <  drafting.store  <  drafting.memo
              <  drafting.cli (and the package's front door)

A module may import its own subpackage and any layer below its own; `reading` and `advice`
stand side by side and do not import each other. No circle anywhere.

Every import counts: at the top of a module, inside a function, or for type checking only.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORE = ("reasons", "drafting")
LAYERS = {
    "reasons": 0,
    "drafting.text": 1,
    "drafting.model": 2,
    "drafting.reading": 3,
    "drafting.advice": 3,
    "drafting.letter": 4,
    "drafting.output": 5,
    "drafting.store": 6,
    "drafting.memo": 7,
    "drafting.cli": 8,
    "drafting.__main__": 9,
    "drafting": 8,
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layer_of(module: str) -> str | None:
    """The layer a module belongs to: the longest entry of LAYERS it falls under."""
    found = [name for name in LAYERS if module == name or module.startswith(f"{name}.")]
    return max(found, key=len) if found else None


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
        for path in sorted((ROOT / package).rglob("*.py")):
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
        "drafting.model.deadline": {"drafting.model.draft"},
        "drafting.model.draft": {"drafting.model.fairness"},
        "drafting.model.fairness": {"drafting.model.deadline"},
        "drafting.model.wording": set(),
    }
    assert find_circle(graph) == [
        "drafting.model.deadline",
        "drafting.model.draft",
        "drafting.model.fairness",
        "drafting.model.deadline",
    ]


@pytest.mark.parametrize("name", sorted(n for n in core_imports() if n.startswith("reasons")))
def test_reasons_sit_below_drafting(name):
    targets = core_imports()[name]
    assert not {t for t in targets if t.split(".")[0] in ("drafting", "app_pages")}


def drafting_modules() -> list[str]:
    return sorted(n for n in core_imports() if n.startswith("drafting"))


@pytest.mark.parametrize("name", drafting_modules())
def test_each_module_imports_only_its_own_subpackage_and_the_layers_below(name):
    mine = layer_of(name)
    wrong = []
    for target in core_imports()[name]:
        theirs = layer_of(target)
        if theirs is None or theirs == mine or target == "drafting":
            continue  # a library, its own subpackage, or the front door's own name
        if LAYERS[theirs] >= LAYERS[mine]:
            wrong.append(target)
    assert wrong == [], f"{name} ({mine}) imports {wrong}"


def test_every_module_of_drafting_has_a_layer():
    assert [n for n in drafting_modules() if layer_of(n) is None] == []


def test_the_layer_check_finds_an_import_that_points_up():
    # The check above can fail: a model module importing the letter is caught.
    assert LAYERS[layer_of("drafting.letter.assembly")] > LAYERS[layer_of("drafting.model.draft")]
    assert layer_of("drafting.reading.reader") != layer_of("drafting.advice.privacy")


def test_each_subpackage_says_its_job_and_what_it_may_import():
    for package in sorted(p for p in (ROOT / "drafting").iterdir() if (p / "__init__.py").exists()):
        doc = ast.get_docstring(ast.parse((package / "__init__.py").read_text(encoding="utf-8")))
        assert doc and "May import" in doc, package.name


def test_the_core_keeps_few_modules_at_its_top_and_none_over_500_lines():
    top = [p.name for p in (ROOT / "drafting").glob("*.py")]
    assert len(top) <= 6, top
    long = [
        str(p.relative_to(ROOT))
        for folder in ("drafting", "app_pages")
        for p in (ROOT / folder).rglob("*.py")
        if len(p.read_text(encoding="utf-8").splitlines()) > 500
    ]
    assert long == []


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
        p.relative_to(ROOT / package).as_posix()
        for package in CORE
        for p in (ROOT / package).rglob("*.py")
        if p.stem not in ("__init__", "__main__")
    ] + [f"{stem}.py" for stem in pages - steps]
    assert [m for m in modules if f"{m}`" not in code_map] == []

"""A floor app for a page: the same elements, drawn by plain Streamlit calls with no logic.

After one run of a page under AppTest, `floor_script` walks its element tree (main area and
sidebar) and writes a script that draws the same sequence of element types with the same labels,
keys, values and options. `write_floor_app` puts that script in a frame like the app's own: the
same page config (title and tab icon) and the same navigation, seven pages with the app's titles
and icons, the floor script being the page shown. Running the floor app gives what the page's
elements alone cost; the page's rerun against it is the cost of the app's own logic.

Fragments are copied too: elements the page drew inside a fragment are drawn inside one in the
floor, so that a page pays no more and no less than its floor for Streamlit's fragment machinery.
The fragment of each element is read from the run's messages (`delta.fragment_id`), which
AppTest's element tree leaves out: after `keep_fragments()` AppTest notes them for each run, and
`remember(at)` just after a run keeps them with that AppTest for its floor.

Where an element cannot be reproduced exactly, the nearest equivalent is drawn (noted below).
"""

from __future__ import annotations

import weakref
from pathlib import Path

from streamlit.testing.v1 import AppTest, local_script_runner

from app_pages.widgets import ICON, STEPS

# Delta path -> the fragment that drew it, for AppTest's last run in this process; and the
# same, kept for each AppTest whose floor is to be written.
_fragments: dict[tuple[int, ...], str] = {}
_remembered: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_parse_tree = local_script_runner.parse_tree_from_messages


def parse_tree_keeping_fragments(messages):
    """AppTest's `parse_tree_from_messages`, noting first which fragment drew each element."""
    _fragments.clear()
    _fragments.update(
        (tuple(m.metadata.delta_path), m.delta.fragment_id) for m in messages if m.HasField("delta")
    )
    return _parse_tree(messages)


def keep_fragments() -> None:
    """From now on in this process, note the fragments of every AppTest run (for the floor)."""
    local_script_runner.parse_tree_from_messages = parse_tree_keeping_fragments


def remember(at: AppTest) -> None:
    """Keep the fragments of the run `at` has just made, for its floor (`keep_fragments`)."""
    _remembered[at] = dict(_fragments)


HEADER = "import datetime\n\nimport streamlit as st\n\n"
TEXT = {"markdown": "markdown", "caption": "caption", "header": "header", "title": "title"}
ALERTS = ("info", "success", "warning", "error")


# The options an element may be drawn with, copied to the floor when set (as keyword arguments
# of the same names): icons, help, placeholders and limits cost Streamlit work to check and send.
OPTIONS = ("help", "placeholder", "max_chars", "disabled", "type", "icon")


def _options(node) -> str:
    proto = getattr(node, "proto", None)
    names = {field.name for field, _ in proto.ListFields()} if proto is not None else set()
    chosen = "".join(f", {name}={getattr(proto, name)!r}" for name in OPTIONS if name in names)
    if "ignore_rerun" in names:
        chosen += ", on_click='ignore'"
    return chosen


class _Writer:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.n = 0
        self.fragments: dict[tuple[int, ...], str] = {}
        self.drawn_fragments: set[str] = set()  # each page fragment is called once in the floor

    def name(self, prefix: str) -> str:
        self.n += 1
        return f"{prefix}{self.n}"

    def emit(self, depth: int, code: str) -> None:
        self.lines.append("    " * depth + code)

    def key(self, node) -> str:
        # Widgets without a user key get one: the floor must not trip over duplicate auto ids.
        return repr(getattr(node, "key", None) or self.name("floor_key_"))

    def block(self, node, depth: int, path: tuple[int, ...], fragment: str = "") -> None:
        """Draw `node`'s children (at `path`), each run of them that a fragment other than
        `fragment` drew wrapped in a fragment of the floor's own."""
        children = list(node.children.items())
        if not children:
            self.emit(depth, "pass")
            return
        start = 0
        while start < len(children):
            drawn_by = self.fragments.get((*path, children[start][0]), "")
            end = start + 1
            while end < len(children) and (
                self.fragments.get((*path, children[end][0]), "") == drawn_by
            ):
                end += 1
            run = children[start:end]
            if drawn_by and drawn_by != fragment and drawn_by not in self.drawn_fragments:
                self.drawn_fragments.add(drawn_by)
                name = self.name("floor_fragment_")
                self.emit(depth, "@st.fragment")
                self.emit(depth, f"def {name}():")
                for index, child in run:
                    self.node(child, depth + 1, (*path, index), drawn_by)
                self.emit(depth, f"{name}()")
            else:
                for index, child in run:
                    self.node(child, depth, (*path, index), fragment)
            start = end

    def node(self, node, depth: int, path: tuple[int, ...], fragment: str) -> None:
        """Draw one element (or a block and what it holds) at `path`."""
        kind = getattr(node, "type", None)
        proto = getattr(node, "proto", None)
        e = self.emit
        if kind == "flex_container":
            children = list(node.children.items())
            if children and all(getattr(c, "type", None) == "column" for _, c in children):
                cols = self.name("cols")
                e(depth, f"{cols} = st.columns({len(children)})")
                for i, (index, column) in enumerate(children):
                    e(depth, f"with {cols}[{i}]:")
                    self.block(column, depth + 1, (*path, index), fragment)
            else:
                horizontal = proto.flex_container.direction == 2  # HORIZONTAL
                e(depth, f"with st.container(horizontal={horizontal}):")
                self.block(node, depth + 1, path, fragment)
        elif kind in ("vertical", "column"):
            e(depth, "with st.container():")
            self.block(node, depth + 1, path, fragment)
        elif kind == "expandable":
            label, expanded = proto.expandable.label, proto.expandable.expanded
            e(depth, f"with st.expander({label!r}, expanded={expanded}):")
            self.block(node, depth + 1, path, fragment)
        elif kind == "tab_container":
            tabs = list(node.children.items())
            var = self.name("tabs")
            e(depth, f"{var} = st.tabs({[t.label for _, t in tabs]!r})")
            for i, (index, tab) in enumerate(tabs):
                e(depth, f"with {var}[{i}]:")
                self.block(tab, depth + 1, (*path, index), fragment)
        elif kind == "form":
            e(depth, f"with st.form({proto.form.form_id!r}):")
            self.block(node, depth + 1, path, fragment)
        elif hasattr(node, "children"):
            # Any other block (popover, dialog, ...): nearest equivalent is a plain container.
            e(depth, "with st.container():")
            self.block(node, depth + 1, path, fragment)
        elif kind in TEXT:
            e(
                depth,
                f"st.{TEXT[kind]}({node.value!r}, unsafe_allow_html=True)"
                if kind == "markdown"
                else f"st.{TEXT[kind]}({node.value!r})",
            )
        elif kind == "subheader" or (kind == "heading" and node.tag == "h3"):
            e(depth, f"st.subheader({node.value!r})")
        elif kind == "divider":
            e(depth, "st.divider()")
        elif kind in ALERTS:
            e(depth, f"st.{kind}({node.value!r}{_options(node)})")
        elif kind == "button":
            e(depth, f"st.button({node.label!r}, key={self.key(node)}{_options(node)})")
        elif kind == "checkbox":
            e(
                depth,
                f"st.checkbox({node.label!r}, value={node.value!r}, key={self.key(node)}"
                f"{_options(node)})",
            )
        elif kind == "toggle":
            e(depth, f"st.toggle({node.label!r}, value={node.value!r}, key={self.key(node)})")
        elif kind in ("text_area", "text_input"):
            e(
                depth,
                f"st.{kind}({node.label!r}, value={node.value!r}, key={self.key(node)}"
                f"{_options(node)})",
            )
        elif kind == "date_input":
            e(
                depth,
                f"st.date_input({node.label!r}, value={node.value!r}, key={self.key(node)}"
                f"{_options(node)})",
            )
        elif kind in ("selectbox", "radio"):
            e(
                depth,
                f"st.{kind}({node.label!r}, {list(node.options)!r}, index={node.index!r}, "
                f"key={self.key(node)}{_options(node)})",
            )
        elif kind == "multiselect":
            default = [node.options[i] for i in node.indices]
            e(
                depth,
                f"st.multiselect({node.label!r}, {list(node.options)!r}, default={default!r}, "
                f"key={self.key(node)})",
            )
        elif kind == "download_button":
            label = proto.label
            # A file made only when clicked (`data` a function) is drawn as one in the floor.
            data = "lambda: b'x'" if proto.deferred_file_id else "b'x'"
            e(
                depth,
                f"st.download_button({label!r}, data={data}, key={self.key(node)}{_options(node)})",
            )
        elif kind == "file_uploader":
            e(depth, f"st.file_uploader({proto.label!r}, key={self.key(node)}{_options(node)})")
        elif kind == "button_group":
            # Pills, segmented controls and feedback all draw a button group: nearest equivalent
            # is st.pills with the same option labels.
            group = proto
            options = [o.content for o in group.options]
            e(depth, f"st.pills({group.label or 'options'!r}, {options!r}, key={self.key(node)})")
        elif kind == "html":
            script = proto.unsafe_allow_javascript
            e(depth, f"st.html({proto.body!r}, unsafe_allow_javascript={script})")
        else:
            # Unknown element: the nearest equivalent is a line of markdown, said so in the script.
            e(depth, f"st.markdown({f'(floor: no equivalent for {kind})'!r})")


def floor_script(at: AppTest) -> str:
    """The source of a script that draws the same elements as `at`'s last run, with no logic."""
    writer = _Writer()
    writer.fragments = _remembered.get(at, {})
    writer.block(at.main, 0, (0,))
    sidebar = list(at.sidebar.children.values())
    if sidebar:
        writer.emit(0, "with st.sidebar:")
        writer.block(at.sidebar, 1, (1,))
    return HEADER + "\n".join(writer.lines) + "\n"


def write_floor_app(at: AppTest, page: str, folder: Path) -> Path:
    """Write the floor of `at`'s page (shown as the step `page`) into `folder`, with a frame
    like `app.py`'s; return the frame's path, the script to run."""
    folder.mkdir(parents=True, exist_ok=True)
    pages = []
    for step in STEPS:
        script = folder / f"{step.name}.py"
        script.write_text(floor_script(at) if step.name == page else "pass\n", encoding="utf-8")
        default = step.name == page
        pages.append(
            f"st.Page({script.name!r}, title={step.title!r}, icon={step.icon!r}, default={default})"
        )
    frame = folder / "floor_app.py"
    frame.write_text(
        "import streamlit as st\n\n"
        f"st.set_page_config(page_title='Response Builder', page_icon={str(ICON)!r})\n"
        f"st.navigation([{', '.join(pages)}]).run()\n",
        encoding="utf-8",
    )
    return frame

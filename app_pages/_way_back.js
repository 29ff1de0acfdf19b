// The drafts opened on this device, kept in this browser's localStorage only: never sent to the
// server (the list is drawn here, in the page) nor to any other site. `record` notes the draft
// on screen; `list` draws the list on Start with a way to forget each draft or all of them.
(function () {
  if (window.responseBuilderWayBack) return;
  const KEY = "response-builder-drafts";
  const MOST = 20;
  // Send no page address (with a draft's link) as a referrer, even where no proxy says so.
  if (!document.querySelector('meta[name="referrer"]')) {
    const meta = document.createElement("meta");
    meta.name = "referrer";
    meta.content = "no-referrer";
    document.head.appendChild(meta);
  }
  function read() {
    try {
      const kept = JSON.parse(window.localStorage.getItem(KEY) || "[]");
      return Array.isArray(kept) ? kept.filter((d) => /^[A-Za-z0-9_-]{32}$/.test(d.id)) : [];
    } catch (e) {
      return [];
    }
  }
  function write(drafts) {
    try {
      if (drafts.length) window.localStorage.setItem(KEY, JSON.stringify(drafts));
      else window.localStorage.removeItem(KEY);
    } catch (e) {} // storage turned off: the list is simply not kept
    document.querySelectorAll(".rb-recent").forEach(draw);
  }
  function record(id, name) {
    const others = read().filter((d) => d.id !== id);
    write([{ id: id, name: name, opened: new Date().toISOString() }, ...others].slice(0, MOST));
  }
  function draw(box) {
    const drafts = read();
    box.replaceChildren();
    if (!drafts.length) return; // a first visit: nothing to show
    const intro = document.createElement("p");
    intro.textContent =
      "Drafts opened in this browser, newest first (kept in this browser only; forgetting one" +
      " takes it off this list, and the draft stays at its link):";
    box.append(intro);
    const list = document.createElement("ul");
    for (const d of drafts) {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = "./?draft=" + d.id;
      link.target = "_self";
      link.rel = "noreferrer";
      link.textContent = d.name || "A draft without a name yet";
      const when = document.createElement("span");
      const day = new Date(d.opened);
      when.textContent = isNaN(day) ? "" : " (opened " + day.toLocaleDateString("en-GB") + ") ";
      const forget = document.createElement("button");
      forget.type = "button";
      forget.className = "rb-button";
      forget.textContent = "Forget";
      forget.setAttribute("aria-label", "Forget " + link.textContent);
      forget.onclick = () => write(read().filter((x) => x.id !== d.id));
      item.append(link, when, forget);
      list.append(item);
    }
    const all = document.createElement("button");
    all.type = "button";
    all.className = "rb-button";
    all.textContent = "Forget them all";
    all.onclick = () => write([]);
    box.append(list, all);
  }
  // Copy `text` to the clipboard; where the browser allows no clipboard (a plain http address
  // other than this computer's), select it in a box the user can copy from by hand.
  function copy(button, text) {
    const done = () => {
      button.textContent = "Copied";
      setTimeout(() => (button.textContent = "Copy the link"), 2000);
    };
    const byHand = () => {
      const box = document.createElement("textarea");
      box.value = text;
      box.setAttribute("aria-label", "The link to your draft");
      button.after(box);
      box.select();
      if (document.execCommand("copy")) done();
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, byHand);
    } else {
      byHand();
    }
  }
  window.responseBuilderWayBack = { record: record, draw: draw, copy: copy };
})();

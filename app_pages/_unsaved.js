// Warn before the tab is closed or reloaded while a text box holds typing not yet saved.
// Streamlit saves a box when it is left (or on Enter / Ctrl+Enter) and shows "Press ... to apply"
// under a box whose typing it has not yet received.
(function () {
  const page = window.parent || window;
  if (page.responseBuilderUnsavedGuard) return;
  page.responseBuilderUnsavedGuard = true;
  page.addEventListener("beforeunload", function (event) {
    const hints = page.document.querySelectorAll('[data-testid="InputInstructions"]');
    if ([...hints].some((hint) => /apply/i.test(hint.innerText))) {
      event.preventDefault();
      event.returnValue = "";
    }
  });
})();

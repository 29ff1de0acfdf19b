// Warn before the tab is closed or reloaded while a text box holds typing not yet saved.
// Streamlit saves a box when it is left (or on Enter / Ctrl+Enter) and shows "Press ... to apply"
// under a box whose typing it has not yet received.
// Drawn by st.html on every run, it runs in the app's own page: one listener is enough.
(function () {
  if (window.responseBuilderUnsavedGuard) return;
  window.responseBuilderUnsavedGuard = true;
  window.addEventListener("beforeunload", function (event) {
    const hints = document.querySelectorAll('[data-testid="InputInstructions"]');
    if ([...hints].some((hint) => /apply/i.test(hint.innerText))) {
      event.preventDefault();
      event.returnValue = "";
    }
  });
})();

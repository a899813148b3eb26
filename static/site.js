// Enhancements only: every page reads and works without this file.
(function () {
  "use strict";
  const copy = (text, button) => {
    if (!navigator.clipboard) return;
    navigator.clipboard.writeText(text).then(() => {
      if (!button) return;
      button.classList.add("done");
      setTimeout(() => button.classList.remove("done"), 1500);
    }).catch(() => {});
  };
  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll("button.copy-citation").forEach((button) => {
      button.hidden = false;
      button.addEventListener("click", () => copy(button.dataset.citation, button));
    });
  });
  // A click on a clause's ¶ link still moves to the anchor, and also copies its full address.
  document.addEventListener("click", (event) => {
    const link = event.target.closest("a[data-copy-link]");
    if (!link) return;
    copy(new URL(link.getAttribute("href"), window.location.href).href, null);
  });
})();

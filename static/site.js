// Enhancements only: every page reads and works without this file.
(function () {
  "use strict";
  const lang = document.documentElement.lang;
  const label = lang === "en" ? "Copy citation" : "复制引用";
  const copied = lang === "en" ? "Copied" : "已复制";

  const copy = (text, button) => {
    if (!navigator.clipboard) return;
    navigator.clipboard.writeText(text).then(() => {
      if (!button) return;
      button.textContent = copied;
      button.classList.add("done");
      setTimeout(() => { button.textContent = label; button.classList.remove("done"); }, 1500);
    }).catch(() => {});
  };

  // Each clause's ¶ link carries its citation; a button beside it copies that citation.
  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll("a.anchor[data-cite]").forEach((anchor) => {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "copy-citation";
      button.textContent = label;
      button.setAttribute("aria-label", `${label}: ${anchor.dataset.cite}`);
      button.addEventListener("click", () => copy(anchor.dataset.cite, button));
      anchor.after(button);
    });
  });

  // A click on a ¶ link still moves to the anchor, and also copies the full address.
  document.addEventListener("click", (event) => {
    const link = event.target.closest("a.anchor");
    if (link) copy(new URL(link.getAttribute("href"), window.location.href).href, null);
  });
})();

// Enhancement only: selecting words in the clause text fills the quote fields of the comment
// form. Without this file the participant types or pastes the quote into the same box.
(function () {
  "use strict";
  const CONTEXT = 32; // characters of prefix and suffix, as the server keeps

  document.addEventListener("DOMContentLoaded", () => {
    const source = document.querySelector("[data-quote-source]");
    const exact = document.querySelector("[data-quote-exact]");
    const prefix = document.querySelector("[data-quote-prefix]");
    const suffix = document.querySelector("[data-quote-suffix]");
    if (!source || !exact || !prefix || !suffix) return;

    // The source shows the clause text as stored, so offsets in it are offsets in the text.
    const take = () => {
      const selection = window.getSelection();
      if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return;
      const range = selection.getRangeAt(0);
      if (!source.contains(range.startContainer) || !source.contains(range.endContainer)) return;
      const before = document.createRange();
      before.selectNodeContents(source);
      before.setEnd(range.startContainer, range.startOffset);
      const text = source.textContent;
      const start = before.toString().length;
      const quoted = range.toString();
      if (!quoted.trim()) return;
      exact.value = quoted;
      prefix.value = text.slice(Math.max(0, start - CONTEXT), start);
      suffix.value = text.slice(start + quoted.length, start + quoted.length + CONTEXT);
    };
    source.addEventListener("mouseup", take);
    source.addEventListener("keyup", take);
    source.addEventListener("touchend", take);
    // A quote typed by hand has no context: the server finds it (the first occurrence).
    exact.addEventListener("input", () => { prefix.value = ""; suffix.value = ""; });
  });
})();

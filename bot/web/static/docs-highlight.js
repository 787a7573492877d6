/* /docs/<doc_id>?highlight=<quote>#<anchor>: marks the quoted text in that section and scrolls to it.
 * Quotes are verbatim but may join table cells ("a | b") or lines, so the text is compared with
 * whitespace and table pipes left out. */
(() => {
  "use strict";
  const quote = new URLSearchParams(location.search).get("highlight");
  if (!quote) return;

  const squash = (text) => text.replace(/[\s|]+/g, "").toLowerCase();

  /** Wraps the quote's text inside `scope` in <mark> elements; returns them (none when not found). */
  function highlight(scope, wanted) {
    const nodes = [];
    const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node);
    let flat = "";
    const where = []; // for each character of `flat`: [text node index, offset in that node]
    nodes.forEach((node, i) => {
      for (let offset = 0; offset < node.data.length; offset++) {
        const kept = squash(node.data[offset]);
        for (const ch of kept) {
          flat += ch;
          where.push([i, offset]);
        }
      }
    });
    const needle = squash(wanted);
    const at = needle ? flat.indexOf(needle) : -1;
    if (at < 0) return [];
    const [first, start] = where[at];
    const [last, end] = where[at + needle.length - 1];
    const marks = [];
    for (let i = first; i <= last; i++) {
      let node = nodes[i];
      const from = i === first ? start : 0;
      const to = i === last ? end + 1 : node.data.length;
      if (!node.data.slice(from, to).trim()) continue;
      if (from > 0) node = node.splitText(from);
      if (to - from < node.data.length) node.splitText(to - from);
      const mark = document.createElement("mark");
      mark.className = "quote";
      node.replaceWith(mark);
      mark.append(node);
      marks.push(mark);
    }
    return marks;
  }

  const target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
  const section = target ? target.closest("section") : null;
  const marks = (section && highlight(section, quote).length ? section.querySelectorAll("mark.quote") : null) || highlight(document.body, quote);
  if (!marks.length) return;
  const first = marks[0];
  first.id = "quote";
  first.tabIndex = -1;
  const show = () => {
    first.scrollIntoView({ block: "center" });
    first.focus({ preventScroll: true });
  };
  show();
  window.addEventListener("load", show, { once: true });
})();

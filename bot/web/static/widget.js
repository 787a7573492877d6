/* guidebot chat widget. Embed with one tag:  <script src="https://HOST/widget.js" defer></script>
 *
 * Everything lives in an open shadow root, so the host page's CSS and ours never mix. Every text from
 * the user or the server is put into the page as DOM text nodes (never parsed as HTML), links are limited to
 * http(s), and images are never loaded. data-mount="#selector" on the script tag shows the chat inside
 * that element instead of behind a launcher button (the full-page chat at / does this).
 */
(() => {
  "use strict";

  // document.currentScript is null when a loader injects the tag as a module: then find the tag.
  const script = document.currentScript || document.querySelector('script[src*="widget.js"]');
  if (!script || document.getElementById("guidebot-widget")) return; // included twice: one widget
  const BASE = new URL(script.src, location.href);
  const ORIGIN = BASE.origin;
  const STORE_KEY = `guidebot:${ORIGIN}`;
  const UNREACHABLE = "Can't reach guidebot right now. Check your connection and try again.";

  // --- DOM helpers ----------------------------------------------------------------------------

  /** An element with attributes ("on…" ones become listeners) and children (strings become text). */
  function el(tag, attrs = {}, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs)) {
      if (value === null || value === undefined || value === false) continue;
      if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value === true ? "" : String(value));
    }
    for (const child of children) if (child !== null && child !== undefined) node.append(child);
    return node;
  }

  let ids = 0;
  const uid = (prefix) => `gb-${prefix}-${++ids}`;

  /** The URL when it is http(s) (relative ones resolve against guidebot's origin), else null. */
  function safeUrl(href) {
    try {
      const url = new URL(href, ORIGIN);
      return url.protocol === "http:" || url.protocol === "https:" ? url : null;
    } catch {
      return null;
    }
  }

  /** Our rendered copy of the guide at the citation's section, asked to highlight the quote. */
  function docLink(docId, anchor, quote) {
    const url = new URL(`/docs/${encodeURIComponent(docId)}`, ORIGIN);
    if (quote) url.searchParams.set("highlight", quote);
    if (anchor) url.hash = anchor;
    return url;
  }

  // --- Markdown subset -> DOM -----------------------------------------------------------------

  const INLINE = new RegExp(
    [
      String.raw`\[(\d+)\]`, // 1: citation marker
      String.raw`\*\*(.+?)\*\*`, // 2: bold
      "`([^`]+)`", // 3: code
      String.raw`!\[([^\]]*)\]\(([^)\s]*)\)`, // 4, 5: image (its alt text only)
      String.raw`\[([^\]]+)\]\(([^)\s]+)\)`, // 6, 7: link
      String.raw`(?<![\w*])\*(?!\s)([^*]+?)\*(?!\w)`, // 8: italics
      String.raw`(?<!\w)_(?!\s)([^_]+?)_(?!\w)`, // 9: italics
    ].join("|"),
    "g",
  );

  /** Inline Markdown as nodes; `cite(n)` makes the node for a citation marker (or null: plain text). */
  function inline(text, cite) {
    const out = [];
    let last = 0;
    for (const m of text.matchAll(INLINE)) {
      if (m.index > last) out.push(text.slice(last, m.index));
      last = m.index + m[0].length;
      if (m[1] !== undefined) out.push(cite(Number(m[1])) || m[0]);
      else if (m[2] !== undefined) out.push(el("strong", {}, ...inline(m[2], cite)));
      else if (m[3] !== undefined) out.push(el("code", {}, m[3]));
      else if (m[4] !== undefined) out.push(m[4]);
      else if (m[6] !== undefined) {
        const url = safeUrl(m[7]);
        const label = inline(m[6], () => null);
        out.push(url ? el("a", { href: url.href, target: "_blank", rel: "noopener noreferrer" }, ...label) : m[6]);
      } else out.push(el("em", {}, ...inline(m[8] ?? m[9], cite)));
    }
    if (last < text.length) out.push(text.slice(last));
    return out;
  }

  const BULLET = /^\s*[-*•]\s+(.*)$/;
  const NUMBERED = /^\s*\d+[.)]\s+(.*)$/;
  const HEADING = /^\s*#{1,6}\s+(.*)$/;
  const TABLE_RULE = /^\s*\|?\s*:?-{2,}/;

  /** Paragraphs, bullet and numbered lists, headings (as bold lines) and table rows (as lines). */
  function markdown(text, cite) {
    const blocks = [];
    let list = null;
    let para = [];
    const flush = () => {
      if (para.length) blocks.push(el("p", {}, ...inline(para.join(" "), cite)));
      para = [];
    };
    for (const line of text.split(/\r?\n/)) {
      const bullet = line.match(BULLET);
      const numbered = bullet ? null : line.match(NUMBERED);
      if (bullet || numbered) {
        flush();
        const tag = bullet ? "ul" : "ol";
        if (!list || list.tagName.toLowerCase() !== tag) blocks.push((list = el(tag)));
        list.append(el("li", {}, ...inline((bullet || numbered)[1], cite)));
        continue;
      }
      list = null;
      const heading = line.match(HEADING);
      if (!line.trim() || TABLE_RULE.test(line)) flush();
      else if (heading) {
        flush();
        blocks.push(el("p", { class: "heading" }, el("strong", {}, ...inline(heading[1], cite))));
      } else if (line.trim().startsWith("|")) {
        flush();
        const cells = line.trim().replace(/^\||\|$/g, "").split("|").map((c) => c.trim());
        blocks.push(el("p", { class: "row" }, ...inline(cells.join(" · "), cite)));
      } else para.push(line.trim());
    }
    flush();
    return blocks;
  }

  // --- Conversation state (kept in sessionStorage: it survives a reload) ----------------------

  function loadState() {
    try {
      const saved = JSON.parse(sessionStorage.getItem(STORE_KEY) || "null");
      if (saved && Array.isArray(saved.entries)) return saved;
    } catch {
      /* storage unavailable or corrupt: start afresh */
    }
    return { conversationId: null, entries: [], open: false };
  }

  const state = loadState();
  function saveState() {
    try {
      sessionStorage.setItem(STORE_KEY, JSON.stringify(state));
    } catch {
      /* private mode or full: the chat still works, only without surviving a reload */
    }
  }

  // --- The widget's DOM -----------------------------------------------------------------------

  const mountTarget = script.dataset.mount ? document.querySelector(script.dataset.mount) : null;
  const inlineMode = Boolean(mountTarget);
  const host = el("div", { id: "guidebot-widget", class: inlineMode ? "inline" : "floating" });
  const root = host.attachShadow({ mode: "open" });
  root.append(el("link", { rel: "stylesheet", href: new URL("/static/widget.css", ORIGIN).href }));

  const panelId = uid("panel");
  const launcher = inlineMode
    ? null
    : el("button", { type: "button", class: "launcher", "aria-expanded": "false", "aria-controls": panelId, onclick: () => setOpen(!state.open) }, "Open chat");
  const log = el("div", { class: "log", role: "log", "aria-live": "polite", "aria-label": "Conversation", tabindex: "0" });
  const typing = el("div", { class: "typing", role: "status", hidden: true }, el("span", { class: "dots", "aria-hidden": "true" }, "• • •"), " guidebot is typing…");
  const notice = el("p", { class: "notice", role: "alert", hidden: true });
  const input = el("textarea", { "aria-label": "Your question", rows: "2", maxlength: "2000", placeholder: "Ask about PEO, ASO, HRO or EOR…", enterkeyhint: "send" });
  const form = el("form", { class: "ask", onsubmit: (e) => { e.preventDefault(); send(input.value); } }, input, el("button", { type: "submit", class: "send" }, "Send"));
  const closeButton = inlineMode ? null : el("button", { type: "button", class: "close", "aria-label": "Close chat", onclick: () => setOpen(false) }, "×");
  const panel = el(
    "section",
    { id: panelId, class: "panel", role: inlineMode ? "region" : "dialog", "aria-label": "guidebot chat", hidden: !inlineMode },
    el("header", {}, el("h2", {}, "Ask guidebot"), el("button", { type: "button", class: "new-chat", onclick: newChat }, "New chat"), closeButton),
    log,
    typing,
    notice,
    form,
  );
  root.append(panel);
  if (launcher) root.append(launcher);

  input.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      send(input.value);
    }
  });
  panel.addEventListener("keydown", (e) => {
    if (e.key === "Escape" && !inlineMode) {
      e.preventDefault();
      setOpen(false);
    }
  });

  function setOpen(open) {
    state.open = open;
    saveState();
    if (inlineMode) return;
    panel.hidden = !open;
    launcher.setAttribute("aria-expanded", String(open));
    if (open) {
      input.focus();
      log.scrollTop = log.scrollHeight;
    } else launcher.focus();
  }

  function showNotice(text) {
    notice.textContent = text;
    notice.hidden = !text;
  }

  // --- Messages -------------------------------------------------------------------------------

  function renderEntry(entry, index) {
    const node = entry.role === "user" ? userMessage(entry) : botMessage(entry, index);
    log.append(node);
    log.scrollTop = log.scrollHeight;
    return node;
  }

  function userMessage(entry) {
    return el("div", { class: "msg user" }, el("span", { class: "visually-hidden" }, "You: "), el("p", {}, entry.text));
  }

  function botMessage(entry, index) {
    const response = entry.response;
    const citations = response.citations || [];
    const rec = response.recommendation;
    const article = el("article", { class: `msg bot ${response.status}` }, el("span", { class: "visually-hidden" }, "guidebot: "));
    const sources = el("div", { class: "sources" });
    const byNumber = new Map(citations.map((c) => [c.n, c]));
    const cite = (n) => (byNumber.has(n) ? sourceButton(byNumber.get(n), sources) : null);
    // A recommendation's answer is its summary and reasons: shown as a card when the reasons carry
    // every citation, or every citation but those of the text after the reasons ("What you give up: …",
    // shown under the card); else the text is shown too and the card names the reasons only.
    const reasons = (rec && rec.reasons) || [];
    const isReason = (c) => reasons.some((r) => r.quote === c.quote);
    const text = response.answer || "";
    const rest = reasons.length ? textAfterReasons(text, citations.filter(isReason)) : null;
    const restCited = rest === null ? [] : [...rest.matchAll(/\[(\d+)\]/g)].map((m) => byNumber.get(Number(m[1])));
    const covered =
      reasons.length > 0 && citations.every((c) => isReason(c) || restCited.includes(c)) && !restCited.some((c) => !c || isReason(c));
    if (!covered) article.append(...markdown(text, cite));
    if (reasons.length) article.append(recommendationCard(rec, covered ? citations : [], cite));
    if (covered && rest && rest.trim()) article.append(...markdown(rest.trim(), cite));
    article.append(sources);
    if (response.status === "needs_more_info" && index === state.entries.length - 1) article.append(quickReplies(response));
    if (response.message_index !== null && response.message_index !== undefined) article.append(feedbackBar(entry));
    return article;
  }

  /** The text after the last citation of a reason ("… [4]. What you give up: … [5]."), or null. */
  function textAfterReasons(text, reasonCitations) {
    let end = -1;
    for (const c of reasonCitations) {
      const at = text.lastIndexOf(`[${c.n}]`);
      if (at >= 0) end = Math.max(end, at + `[${c.n}]`.length);
    }
    if (end < 0) return null;
    return text.slice(end).replace(/^\s*\.\s*/, "");
  }

  /** The "[n]" button that opens the quote, its section and a link to the highlighted passage. */
  function sourceButton(citation, sources) {
    const id = uid("source");
    const anchor = (safeUrl(citation.url)?.hash || "").slice(1);
    const box = el(
      "div",
      { id, class: "source", hidden: true },
      el("p", { class: "source-title" }, `Source ${citation.n}: `, el("strong", {}, citation.section), ` (${citation.doc_title})`),
      el("blockquote", {}, citation.quote),
      el("a", { href: docLink(citation.doc_id, decodeURIComponent(anchor), citation.quote).href, target: "_blank", rel: "noopener" }, "Read it in the guide"),
    );
    sources.append(box);
    const button = el("button", { type: "button", class: "cite", "aria-label": `Source ${citation.n}`, "aria-expanded": "false", "aria-controls": id }, `[${citation.n}]`);
    button.addEventListener("click", () => {
      const open = box.hidden;
      box.hidden = !open;
      button.setAttribute("aria-expanded", String(open));
    });
    return button;
  }

  /** The choice, the summary, and each reason with the "Source n" button of the citation it rests on. */
  function recommendationCard(rec, citations, cite) {
    const choice = rec.choice === "UNDECIDED" ? "no clear choice yet" : rec.choice;
    const reasons = el("ul", { class: "reasons" });
    for (const reason of rec.reasons) {
      const cited = citations.find((c) => c.quote === reason.quote);
      reasons.append(el("li", {}, reason.text, cited ? " " : null, cited ? cite(cited.n) : null));
    }
    return el(
      "section",
      { class: "card", "aria-label": "Recommendation" },
      el("p", { class: "choice" }, "Recommendation: ", el("strong", {}, choice)),
      el("p", {}, rec.summary),
      reasons,
    );
  }

  let chipTable = null;
  /** Quick replies to the follow-up question, for the most decisive missing fact. */
  function quickReplies(response) {
    const group = el("div", { class: "chips", role: "group", "aria-label": "Quick replies" });
    const missing = (response.recommendation && response.recommendation.missing) || [];
    const fill = (table) => {
      const field = missing.find((name) => table[name]);
      for (const chip of (field && table[field]) || []) {
        group.append(el("button", { type: "button", class: "chip", onclick: () => send(chip.message) }, chip.label));
      }
    };
    if (chipTable) fill(chipTable);
    else
      fetch(new URL("/widget/quick-replies.json", ORIGIN))
        .then((r) => (r.ok ? r.json() : {}))
        .then((table) => fill((chipTable = table)))
        .catch(() => {});
    return group;
  }

  function feedbackBar(entry) {
    const status = el("span", { class: "feedback-status", role: "status" });
    const up = el("button", { type: "button", "aria-pressed": String(entry.rating === "up") }, "Helpful");
    const down = el("button", { type: "button", "aria-pressed": String(entry.rating === "down") }, "Not helpful");
    const comment = el("input", { type: "text", "aria-label": "What was wrong? (optional)", maxlength: "2000", placeholder: "What was wrong? (optional)" });
    const commentForm = el("form", { class: "comment", hidden: entry.rating !== "down" }, comment, el("button", { type: "submit" }, "Send comment"));
    const rate = async (rating, note) => {
      const ok = await postFeedback(entry, rating, note, status);
      if (!ok) return;
      entry.rating = rating;
      saveState();
      up.setAttribute("aria-pressed", String(rating === "up"));
      down.setAttribute("aria-pressed", String(rating === "down"));
      commentForm.hidden = rating !== "down" || Boolean(note);
    };
    up.addEventListener("click", () => rate("up"));
    down.addEventListener("click", () => rate("down"));
    commentForm.addEventListener("submit", (e) => {
      e.preventDefault();
      if (comment.value.trim()) rate("down", comment.value.trim());
    });
    return el("div", { class: "feedback", role: "group", "aria-label": "Rate this answer" }, up, down, status, commentForm);
  }

  async function postFeedback(entry, rating, comment, status) {
    const body = { conversation_id: entry.response.conversation_id, message_index: entry.response.message_index, rating };
    if (comment) body.comment = comment;
    try {
      const res = await fetch(new URL("/api/feedback", ORIGIN), { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
      if (res.ok) {
        status.textContent = comment ? "Thanks, your comment is saved." : "Thanks for your feedback.";
        return true;
      }
      status.textContent = await problem(res);
    } catch {
      status.textContent = UNREACHABLE;
    }
    return false;
  }

  /** What to tell the user about a non-2xx response (429 says how long to wait). */
  async function problem(res) {
    if (res.status === 429) {
      const wait = Number(res.headers.get("Retry-After")) || 60;
      return `You're sending questions too quickly. Please wait ${wait} second${wait === 1 ? "" : "s"} and try again.`;
    }
    try {
      const body = await res.json();
      if (body && body.error && body.error.message) return `guidebot couldn't answer: ${body.error.message}`;
    } catch {
      /* not JSON: a proxy's error page */
    }
    return `guidebot couldn't answer (HTTP ${res.status}). Please try again.`;
  }

  // --- Sending --------------------------------------------------------------------------------

  let busy = false;
  let chatNumber = 0; // "New chat" while a question is out: its answer belongs to the old chat
  async function send(raw) {
    const text = raw.trim();
    if (!text || busy) return;
    busy = true;
    const chat = chatNumber;
    showNotice("");
    input.value = "";
    for (const chips of log.querySelectorAll(".chips")) chips.remove();
    const asked = { role: "user", text };
    state.entries.push(asked);
    const askedNode = renderEntry(asked, state.entries.length - 1);
    typing.hidden = false;
    let answered = false;
    try {
      const res = await fetch(new URL("/api/chat", ORIGIN), {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ message: text, conversation_id: state.conversationId, channel: "web" }),
      });
      if (res.ok) {
        const response = await res.json();
        answered = true;
        if (chat === chatNumber) {
          state.conversationId = response.conversation_id;
          const entry = { role: "bot", response, rating: null };
          state.entries.push(entry);
          renderEntry(entry, state.entries.length - 1);
        }
      } else showNotice(await problem(res));
    } catch {
      showNotice(UNREACHABLE);
    } finally {
      typing.hidden = true;
      busy = false;
    }
    if (!answered) {
      // Nothing is lost: the question goes back into the box to send again.
      state.entries = state.entries.filter((e) => e !== asked);
      askedNode.remove();
      if (!input.value) input.value = text;
    }
    saveState();
    input.focus();
  }

  function newChat() {
    chatNumber += 1;
    state.conversationId = null;
    state.entries = [];
    saveState();
    log.replaceChildren();
    showNotice("");
    input.focus();
  }

  // --- Start ----------------------------------------------------------------------------------

  state.entries.forEach(renderEntry);
  (mountTarget || document.body).append(host);
  if (!inlineMode && state.open) setOpen(true);
})();

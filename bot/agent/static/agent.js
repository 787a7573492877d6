// The agent console's assist page: ask for a reply draft, copy it, show its trace, run the rules.
// Served as a file (no inline scripts), it renders with textContent only: no HTML from answers.
"use strict";

(function () {
  const csrf = document.querySelector('meta[name="csrf-token"]').content;
  const byId = (id) => document.getElementById(id);
  let draft = null;

  async function post(url, body) {
    const resp = await fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
      body: JSON.stringify(body),
    });
    const data = await resp.json().catch(() => ({}));
    if (resp.status === 401) {
      window.location.assign("/agent/login");
      throw new Error("signed out");
    }
    if (!resp.ok) throw new Error((data.error && data.error.message) || "request failed (" + resp.status + ")");
    return data;
  }

  function element(tag, text, className) {
    const el = document.createElement(tag);
    if (text !== undefined && text !== null) el.textContent = String(text);
    if (className) el.className = className;
    return el;
  }

  function row(cells) {
    const tr = document.createElement("tr");
    cells.forEach((cell) => tr.appendChild(element("td", cell)));
    return tr;
  }

  function showDraft(data) {
    const response = data.response;
    draft = data.draft;
    byId("conversation-id").value = response.conversation_id;
    byId("draft-status").textContent = response.status;
    byId("draft-conversation").textContent = response.conversation_id;
    byId("draft-answer").textContent = response.answer;
    const sources = byId("draft-sources");
    sources.replaceChildren();
    response.citations.forEach((c) => {
      const li = element("li");
      const link = element("a", c.section + " (" + c.doc_title + ")");
      link.href = c.url;
      li.append(link, element("span", ": \u201c" + c.quote + "\u201d"));
      sources.appendChild(li);
    });
    byId("copy-status").textContent = "";
    byId("draft").hidden = false;
  }

  function showFollowUp(f) {
    const dl = byId("follow-up");
    dl.replaceChildren();
    const facts = [
      ["Shape", f.shape],
      ["Refers back", f.reference || "no (a new question)"],
      ["Models", f.models.join(", ") || "none"],
      ["Attribute", f.attribute || "none"],
      ["Searched for", f.searched],
      ["Previous topic", f.previous_topic.join(", ") || "none"],
    ];
    facts.forEach(([k, v]) => dl.append(element("dt", k), element("dd", v)));
    byId("follow-up-trace").hidden = false;
  }

  function showPassages(passages) {
    const body = byId("passages");
    body.replaceChildren();
    passages.forEach((p) => {
      const tr = row([p.rank === null ? "–" : p.rank, p.score.toFixed(3), p.used ? "yes" : "", p.section, p.text]);
      if (p.used) tr.className = "used";
      body.appendChild(tr);
    });
    byId("passages-trace").hidden = passages.length === 0;
  }

  function showRules(rec) {
    byId("rules-trace").hidden = !rec;
    if (!rec) return;
    byId("rules-choice").textContent = rec.choice;
    byId("rules-profile").textContent = JSON.stringify(rec.profile);
    const body = byId("rules");
    body.replaceChildren();
    rec.fired.forEach((r) => body.appendChild(row([r.rule_id, r.effect, "\u201c" + r.quote + "\u201d (" + r.section + ")"])));
    if (rec.fired.length === 0) body.appendChild(row(["none fired", "", ""]));
    byId("rules-missing").textContent = rec.missing.join(", ") || "none";
  }

  async function copy(text, label) {
    try {
      await navigator.clipboard.writeText(text);
      byId("copy-status").textContent = "Copied as " + label + ".";
    } catch (err) {
      byId("copy-status").textContent = "Copying failed: " + err.message;
    }
  }

  const askForm = byId("ask-form");
  if (!askForm) return; // the other pages need no script

  askForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    const status = byId("ask-status");
    status.textContent = "Asking\u2026";
    try {
      const data = await post("/api/agent/assist", {
        message: byId("question").value,
        conversation_id: byId("conversation-id").value || null,
      });
      showDraft(data);
      byId("trace-empty").hidden = true;
      showFollowUp(data.trace.follow_up);
      showPassages(data.trace.passages);
      showRules(data.trace.recommendation);
      status.textContent = "";
    } catch (err) {
      status.textContent = err.message;
    }
  });

  byId("new-conversation").addEventListener("click", () => {
    byId("conversation-id").value = "";
    byId("draft").hidden = true;
    byId("ask-status").textContent = "New conversation.";
  });
  byId("copy-markdown").addEventListener("click", () => draft && copy(draft.markdown, "Markdown"));
  byId("copy-plain").addEventListener("click", () => draft && copy(draft.plain_text, "plain text"));

  byId("profile-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const profile = {};
    new FormData(event.target).forEach((value, name) => {
      if (value === "") return;
      profile[name] = value === "true" ? true : value === "false" ? false : Number(value);
    });
    const status = byId("profile-status");
    try {
      const data = await post("/api/agent/recommend", profile);
      byId("trace-empty").hidden = true;
      byId("follow-up-trace").hidden = true;
      byId("passages-trace").hidden = true;
      showRules(data.trace);
      status.textContent = data.recommendation.summary;
    } catch (err) {
      status.textContent = err.message;
    }
  });
})();

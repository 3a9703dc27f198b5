// The document view: the text with its facts highlighted, the outline as a table of contents,
// fact lists per kind, and the sentence of the selected fact.
import { el, fill, api, link, sentenceAround, spanText, formatNumber, docName } from "./util.js";

const KINDS = [
  ["quantities", "Quantities"],
  ["dates", "Dates"],
  ["slogans", "Formulations"],
  ["citations", "Citations"],
  ["entities", "Entities"],
];
const ENTITY_NODE = { PERSON: "person", ORG: "org", PLACE: "place" };

function describe(kind, f) {
  switch (kind) {
    case "quantities":
      return [
        ["value", formatNumber(f.value)], ["unit", f.unit], ["qualifier", f.qualifier], ["lower", formatNumber(f.lower)],
        ["upper", formatNumber(f.upper)],
        ["indicator", spanText(f.indicator)], ["time", f.time], ["place", f.place],
      ];
    case "dates":
      return [["value", f.value], ["kind", f.kind]];
    case "slogans":
      return [
        ["kind", f.kind], ["normalized", f.normalized], ["family", f.family],
        ["parts", (f.parts || []).map(spanText).join(" | ")], ["members", (f.members || []).map(spanText).join(" | ")],
      ];
    case "citations":
      return [["title", f.title], ["doc type", f.doc_type], ["doc number", f.doc_number]];
    case "entities":
      return [["label", f.label], ["normalized", f.normalized], ["parents", (f.parents || []).join(" › ")]];
    default:
      return [];
  }
}

function graphNodeOf(kind, f) {
  if (kind === "slogans") return `slogan:${f.normalized}`;
  if (kind === "citations") return `citation:${(f.normalized || f.title || "").replace(/^[《〈“"']+|[》〉”"']+$/g, "")}`;
  if (kind === "entities" && ENTITY_NODE[f.label]) return `${ENTITY_NODE[f.label]}:${f.normalized}`;
  return null;
}

/** Split [0, length) at every fact boundary; each segment lists the facts covering it. */
function segments(length, facts, extraCuts) {
  const cuts = new Set([0, length, ...extraCuts]);
  for (const f of facts) {
    cuts.add(f.start);
    cuts.add(f.end);
  }
  const points = [...cuts].filter((x) => x >= 0 && x <= length).sort((a, b) => a - b);
  const byStart = [...facts].sort((a, b) => a.start - b.start);
  const out = [];
  let active = [];
  let next = 0;
  for (let i = 0; i < points.length - 1; i += 1) {
    const a = points[i];
    const b = points[i + 1];
    active = active.filter((f) => f.end > a);
    while (next < byStart.length && byStart[next].start <= a) {
      if (byStart[next].end > a) active.push(byStart[next]);
      next += 1;
    }
    out.push({ start: a, end: b, facts: active.filter((f) => f.start <= a && f.end >= b) });
  }
  return out;
}

export async function documentView(view, docId, params) {
  const analysis = await api(`/documents/${encodeURIComponent(docId)}`, { text: "true" });
  const d = analysis.document;
  const text = d.text || "";
  const facts = [];
  for (const [kind] of KINDS) {
    (analysis[kind] || []).forEach((f, i) => {
      if (Number.isInteger(f.start) && Number.isInteger(f.end) && f.end > f.start) {
        facts.push({ id: `${kind}-${i}`, kind, start: f.start, end: f.end, fact: f });
      }
    });
  }
  const byId = new Map(facts.map((f) => [f.id, f]));
  const visible = new Set(KINDS.map(([k]) => k));

  const textBox = el("div", { class: "doc-text", id: "doc-text", lang: "zh" });
  const detail = el("div", { class: "detail", id: "fact-detail" }, el("p", { class: "muted" }, "Click a highlighted fact to see its sentence."));
  const factLists = el("div", { class: "fact-lists" });
  const toc = el("nav", { class: "toc", id: "toc" });
  let spans = [];
  let selected = null;

  function drawText() {
    const shown = facts.filter((f) => visible.has(f.kind));
    const outlineStarts = [];
    (function walk(nodes) {
      for (const n of nodes || []) {
        outlineStarts.push(n.start);
        walk(n.children);
      }
    })(analysis.outline);
    spans = [];
    const frag = document.createDocumentFragment();
    for (const seg of segments(text.length, shown, outlineStarts)) {
      const piece = text.slice(seg.start, seg.end);
      let node;
      if (seg.facts.length) {
        const inner = seg.facts.reduce((a, b) => (b.end - b.start < a.end - a.start ? b : a));
        node = el("span", {
          class: `hl k-${inner.kind}${seg.facts.length > 1 ? " multi" : ""}`,
          dataset: { f: seg.facts.map((f) => f.id).join(" "), inner: inner.id },
          title: seg.facts.map((f) => f.kind).join(", "),
        }, piece);
      } else {
        node = el("span", {}, piece);
      }
      node.dataset.s = seg.start;
      spans.push(node);
      frag.append(node);
    }
    fill(textBox, frag);
    if (selected) markSelected(selected);
  }

  function spanAt(offset) {
    let lo = 0;
    let hi = spans.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (Number(spans[mid].dataset.s) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return spans[lo];
  }

  function scrollTo(offset) {
    const node = spanAt(offset);
    if (node) node.scrollIntoView({ block: "center" });
  }

  function markSelected(f) {
    textBox.querySelectorAll(".selected").forEach((n) => n.classList.remove("selected"));
    for (const node of spans) {
      const s = Number(node.dataset.s);
      if (s >= f.start && s < f.end) node.classList.add("selected");
    }
  }

  function select(f, scroll) {
    selected = f;
    markSelected(f);
    if (scroll) scrollTo(f.start);
    const sentence = sentenceAround(text, f.start, f.end);
    const rows = describe(f.kind, f.fact).filter(([, v]) => v !== null && v !== undefined && v !== "");
    const node = graphNodeOf(f.kind, f.fact);
    fill(detail,
      el("h3", {}, el("span", { class: `chip k-${f.kind}` }, f.kind), " ", f.fact.text),
      el("p", { class: "offsets muted" }, `characters ${f.start}–${f.end}`),
      el("blockquote", { class: "sentence", id: "fact-sentence" },
        text.slice(sentence.start, f.start), el("mark", {}, text.slice(f.start, f.end)), text.slice(f.end, sentence.end)),
      el("dl", {}, rows.map(([k, v]) => [el("dt", {}, k), el("dd", {}, String(v))])),
      el("p", {},
        f.kind === "slogans" ? el("a", { href: link(`/slogan/${f.fact.normalized}`) }, "Timeline across documents") : null,
        f.kind === "slogans" && node ? " · " : null,
        node ? el("a", { href: link(`/graph/${node}`) }, "Show in the graph") : null));
    factLists.querySelectorAll("li.active").forEach((li) => li.classList.remove("active"));
    const item = factLists.querySelector(`li[data-id="${f.id}"]`);
    if (item) {
      item.classList.add("active");
      item.scrollIntoView({ block: "nearest" });
    }
  }

  textBox.addEventListener("click", (event) => {
    const node = event.target.closest(".hl");
    if (!node) return;
    const ids = node.dataset.f.split(" ");
    // a second click on the same place moves outward to the enclosing fact
    let pick = byId.get(node.dataset.inner);
    if (selected && ids.includes(selected.id)) {
      const sorted = ids.map((id) => byId.get(id)).sort((a, b) => (a.end - a.start) - (b.end - b.start));
      pick = sorted[(sorted.indexOf(selected) + 1) % sorted.length];
    }
    select(pick, false);
  });

  // fact lists with kind toggles
  for (const [kind, title] of KINDS) {
    const items = facts.filter((f) => f.kind === kind);
    const toggle = el("input", { type: "checkbox", checked: true, dataset: { kind } });
    toggle.addEventListener("change", () => {
      if (toggle.checked) visible.add(kind);
      else visible.delete(kind);
      drawText();
    });
    const list = el("ol", { class: "facts" }, items.map((f) => el("li", { dataset: { id: f.id }, onclick: () => select(f, true) },
      el("span", { class: `chip k-${kind}` }, f.fact.text), " ",
      el("span", { class: "muted" }, describe(kind, f.fact).filter(([, v]) => v !== null && v !== undefined && v !== "").slice(0, 2).map(([, v]) => v).join(" · ")))));
    factLists.append(el("details", { open: items.length > 0 && items.length <= 60 },
      el("summary", {}, el("label", { onclick: (e) => e.stopPropagation() }, toggle, ` ${title} `), el("span", { class: "count" }, items.length)),
      list));
  }

  // outline as table of contents
  function outlineList(nodes) {
    if (!nodes || !nodes.length) return null;
    return el("ul", {}, nodes.map((n) => el("li", {},
      el("a", { href: "#", class: `toc-${n.kind}`, onclick: (e) => { e.preventDefault(); scrollTo(n.start); } },
        `${spanText(n.marker)} ${spanText(n.heading) || ""}`.trim()),
      outlineList(n.children))));
  }
  fill(toc, el("h3", {}, "Outline"), outlineList(analysis.outline) || el("p", { class: "muted" }, "No outline found."));

  const meta = [
    ["Issuer", spanText(d.issuer)], ["Published", d.published], ["Number", spanText(d.doc_number)],
    ["Script", d.script], ["Characters", d.chars], ["Source", d.source], ["Id", d.id],
  ].filter(([, v]) => v !== null && v !== undefined && v !== "");
  const legend = el("p", { class: "legend", id: "legend" }, el("b", {}, "Highlights: "),
    KINDS.map(([kind, title]) => el("span", { class: `chip k-${kind}` }, title)),
    el("span", { class: "chip legend-multi" }, "underlined: inside another fact"),
    el("span", { class: "chip legend-selected" }, "outlined: selected"),
    el("span", { class: "muted" }, " · click a highlight for its sentence, again for the enclosing fact"));
  fill(view,
    el("section", { class: "doc-head" },
      el("h1", { id: "doc-title" }, docName(spanText(d.title), d.source, d.id)),
      el("p", { class: "meta" }, meta.map(([k, v]) => el("span", {}, el("b", {}, k), " ", String(v))),
        el("a", { href: link(`/graph/doc:${d.id}`), id: "doc-graph-link" }, "Graph of this document")), legend),
    el("div", { class: "doc-layout" }, toc, textBox, el("aside", { class: "side" }, detail, factLists)));
  drawText();

  const at = Number(params.get("at"));
  if (params.has("at") && Number.isInteger(at)) {
    const len = Number(params.get("len")) || 0;
    const hit = facts.find((f) => f.start === at && (!len || f.end === at + len)) || facts.find((f) => f.start <= at && f.end > at);
    if (hit) select(hit, true);
    else scrollTo(at);
  }
}

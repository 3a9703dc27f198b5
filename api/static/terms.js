// A term's timeline: documents per year (bars), the first use highlighted, the documents below.
import { el, fill, api, link, svg, docName } from "./util.js";


/** Bars of documents per year; the year of the first use is highlighted. */
export function yearBars(documents, firstYear) {
  const counts = new Map();
  for (const d of documents) {
    const yr = d.published ? Number(d.published.slice(0, 4)) : null;
    if (yr) counts.set(yr, (counts.get(yr) || 0) + 1);
  }
  const width = 900, height = 180, pad = 40;
  const root = svg("svg", { viewBox: `0 0 ${width} ${height}`, class: "term-chart", role: "img" });
  root.append(svg("title", {}, "Documents using the term, per year of publication"));
  if (!counts.size) {
    root.append(svg("text", { x: pad, y: height / 2, class: "muted" }, "No dated documents."));
    return root;
  }
  const years = [...counts.keys()];
  const y0 = Math.min(...years), y1 = Math.max(...years);
  const span = y1 - y0 + 1;
  const bw = Math.max(2, (width - 2 * pad) / span - 2);
  const top = Math.max(...counts.values());
  const x = (yr) => pad + ((yr - y0) / span) * (width - 2 * pad);
  root.append(svg("line", { x1: pad, x2: width - pad, y1: height - pad, y2: height - pad, class: "axis" }));
  for (const [yr, n] of counts) {
    const h = (n / top) * (height - 2 * pad);
    const bar = svg("rect", { x: x(yr), y: height - pad - h, width: bw, height: h, class: yr === firstYear ? "bar first" : "bar" });
    bar.append(svg("title", {}, `${yr}: ${n} document${n > 1 ? "s" : ""}${yr === firstYear ? " (first use)" : ""}`));
    root.append(bar);
  }
  const step = Math.max(1, Math.ceil(span / 12));
  for (let yr = y0; yr <= y1; yr += step) {
    root.append(svg("text", { x: x(yr) + bw / 2, y: height - pad + 16, "text-anchor": "middle", class: "tick" }, String(yr)));
  }
  root.append(svg("text", { x: pad, y: pad - 10, class: "tick" }, `most in a year: ${top}`));
  return root;
}

/** Any term across the corpus (both scripts), oldest document first. */
export async function termView(view, params) {
  const q = params.get("q") || "";
  const form = el("form", { class: "filters" }, el("label", {}, "Term", el("input", { name: "q", value: q })), el("button", { type: "submit" }, "Show"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    location.hash = link("/term", { q: new FormData(form).get("q") });
  });
  const head = el("div");
  const chartBox = el("div", { class: "chart" });
  const body = el("tbody");
  const section = el("section", {}, el("h1", {}, "Term timeline"), form, head, chartBox,
    el("table", { class: "list" }, el("thead", {}, el("tr", {}, ["Published", "Document", "Issuer", "Uses"].map((h) => el("th", {}, h)))), body));
  fill(view, section);
  if (!q) return;
  const first = await api("/terms/timeline", { q, limit: 1 });
  const firstYear = first.first?.published ? Number(first.first.published.slice(0, 4)) : null;
  fill(head, el("p", {}, `${first.term}: ${first.n_occurrences} uses in ${first.n_documents} documents`,
    first.first ? [" · first in ", el("a", { href: link(`/doc/${first.first.id}`, { at: first.first.first_start, len: first.term.length }) }, ...docName(first.first.title, first.first.source, first.first.id)), ` (${first.first.published || "undated"})`] : ""));
  const all = [];
  let cursor = null;
  const more = el("button", { class: "more", type: "button" }, "More");
  async function load() {
    const page = await api("/terms/timeline", { q, limit: 200, cursor });
    all.push(...page.documents);
    fill(chartBox, yearBars(all, firstYear));
    for (const d of page.documents) {
      body.append(el("tr", { class: d.id === first.first?.id ? "first-use" : "" },
        el("td", {}, d.published || "—"),
        el("td", {}, el("a", { href: link(`/doc/${d.id}`, { at: d.first_start, len: first.term.length }) }, ...docName(d.title, d.source, d.id))),
        el("td", {}, d.issuer || ""), el("td", {}, String(d.count))));
    }
    cursor = page.next;
    more.hidden = !cursor;
  }
  more.addEventListener("click", load);
  section.append(more);
  await load();
}

// The explorer: hash routes -> views. Everything is fetched from the JSON API of this server.
import { el, fill, api, route, link, errorBox, pager, loading, formatNumber, docName } from "./util.js";
import { documentView } from "./docview.js";
import { graphView } from "./graphview.js";
import { timelineChart } from "./timeline.js";
import { indicatorsView, indicatorView } from "./indicators.js";
import { termView } from "./terms.js";

const view = document.getElementById("view");

const ROUTES = [
  [/^\/$/, documentsView, "documents"],
  [/^\/documents$/, documentsView, "documents"],
  [/^\/doc\/(.+)$/, (m, p) => documentView(view, m[1], p), "documents"],
  [/^\/search$/, searchView, "documents"],
  [/^\/slogans$/, slogansView, "slogans"],
  [/^\/slogan\/(.+)$/, (m, p) => sloganView(m[1], p), "slogans"],
  [/^\/quantities$/, quantitiesView, "quantities"],
  [/^\/indicators$/, (m, p) => indicatorsView(view, p), "indicators"],
  [/^\/indicator\/(.+)$/, (m, p) => indicatorView(view, m[1], p), "indicators"],
  [/^\/term$/, (m, p) => termView(view, p), "documents"],
  [/^\/graph$/, (m, p) => graphView(view, null, p), "graph"],
  [/^\/graph\/(.+)$/, (m, p) => graphView(view, m[1], p), "graph"],
];

async function render() {
  const { path, params } = route();
  // the search box shows the query of the search page only
  document.getElementById("search-box").value = path === "/search" ? params.get("q") || "" : "";
  for (const [pattern, handler, nav] of ROUTES) {
    const match = path.match(pattern);
    if (!match) continue;
    document.querySelectorAll("[data-nav]").forEach((a) => a.classList.toggle("active", a.dataset.nav === nav));
    fill(view, loading());
    try {
      await handler(match, params);
    } catch (error) {
      fill(view, errorBox(error));
    }
    return;
  }
  fill(view, el("p", { class: "error" }, `No page ${path}`));
}

function filterForm(fields, params, target) {
  const form = el("form", { class: "filters" });
  for (const [name, label, type] of fields) {
    form.append(el("label", {}, label, el("input", { name, type: type || "text", value: params.get(name) || "" })));
  }
  form.append(el("button", { type: "submit" }, "Filter"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const values = Object.fromEntries([...new FormData(form)].filter(([, v]) => v !== ""));
    location.hash = link(target, values);
  });
  return form;
}

function table(headers, numeric = []) {
  const body = el("tbody");
  const t = el("table", { class: "list" }, el("thead", {}, el("tr", {}, headers.map((h) => el("th", { class: numeric.includes(h) ? "num" : null }, h)))), body);
  return { table: t, body };
}

function countsCell(counts) {
  const order = [["quantities", "Q"], ["dates", "D"], ["slogans", "F"], ["citations", "C"], ["entities", "E"]];
  return el("td", { class: "counts" }, order.map(([k, short]) => el("span", { class: `chip k-${k}`, title: k }, `${short} ${counts?.[k] ?? 0}`)));
}

async function documentsView(match, params) {
  const issuers = await api("/issuers").catch(() => ({ items: [] }));
  const { table: t, body } = table(["Title", "Issuer", "Published", "Script", "Facts"]);
  const list = el("datalist", { id: "issuer-list" }, issuers.items.map((i) => el("option", { value: i.issuer })));
  const form = filterForm([["q", "Text contains"], ["issuer", "Issuer"], ["year", "Year", "number"]], params, "/documents");
  form.querySelector("[name=issuer]").setAttribute("list", "issuer-list");
  const section = el("section", {}, el("h1", {}, "Documents"), form, list, t);
  fill(view, section);
  const filters = { q: params.get("q"), issuer: params.get("issuer"), year: params.get("year"), limit: 50 };
  await pager("/documents", filters, (items) => {
    for (const d of items) {
      body.append(el("tr", { class: "doc-row" },
        el("td", {}, el("a", { href: link(`/doc/${d.id}`), class: "doc-link" }, docName(d.title, d.source, d.id))),
        el("td", {}, d.issuer || ""), el("td", {}, d.published || ""), el("td", {}, d.script || ""),
        countsCell(d.counts)));
    }
    if (!body.children.length) body.append(el("tr", {}, el("td", { colspan: 5, class: "muted" }, "No documents.")));
  }, section);
}

async function searchView(match, params) {
  const q = params.get("q") || "";
  const docs = el("section", {}, el("h2", {}, "Documents"));
  const slogans = el("section", {}, el("h2", {}, "Formulations"));
  const hits = el("section", {}, el("h2", {}, "In context"));
  const knowledge = el("p", { class: "knowledge-links" });
  fill(view, el("h1", {}, `Search: ${q}`), knowledge, el("div", { class: "columns" }, el("div", {}, docs, slogans), hits));
  if (!q) return;
  knowledge.append(el("a", { href: link("/term", { q }) }, `Timeline of “${q}” across the corpus`));
  api("/indicators", { q, limit: 5 }).then((page) => {
    for (const c of page.items) knowledge.append(" · ", el("a", { href: link(`/indicator/${c.id}`) }, `Indicator: ${c.label}`));
  }).catch(() => {});
  const docList = el("ul", { class: "plain" });
  docs.append(docList);
  const sloganList = el("ul", { class: "plain" });
  slogans.append(sloganList);
  const { table: t, body } = table(["Document", "Context"]);
  hits.append(t);
  await Promise.all([
    pager("/documents", { q, limit: 20 }, (items) => {
      items.forEach((d) => docList.append(el("li", {}, el("a", { href: link(`/doc/${d.id}`) }, docName(d.title, d.source, d.id)), " ", el("span", { class: "muted" }, d.published || ""))));
      if (!docList.children.length) docList.append(el("li", { class: "muted" }, "none"));
    }, docs),
    pager("/slogans", { q, limit: 20 }, (items) => {
      items.forEach((g) => sloganList.append(el("li", {}, el("a", { href: link(`/slogan/${g.normalized}`) }, g.normalized), " ", el("span", { class: "muted" }, `${g.count}× in ${g.n_documents} docs`))));
      if (!sloganList.children.length) sloganList.append(el("li", { class: "muted" }, "none"));
    }, slogans),
    pager("/search", { q, limit: 50 }, (items) => {
      for (const h of items) {
        body.append(el("tr", {},
          el("td", {}, el("a", { href: link(`/doc/${h.document}`, { at: h.start, len: h.end - h.start }) }, docName(h.title, h.source, h.document))),
          el("td", { class: "kwic" }, el("span", { class: "left" }, h.left), el("mark", {}, h.match), el("span", {}, h.right))));
      }
    }, hits),
  ]);
}

async function slogansView(match, params) {
  const { table: t, body } = table(["Formulation", "Mentions", "Documents", "First", "Last", "Variants"]);
  const section = el("section", {}, el("h1", {}, "Formulations"), filterForm([["q", "Contains"]], params, "/slogans"), t);
  fill(view, section);
  await pager("/slogans", { q: params.get("q"), limit: 50 }, (items) => {
    for (const g of items) {
      body.append(el("tr", {},
        el("td", {}, el("a", { href: link(`/slogan/${g.normalized}`), class: "slogan-link" }, g.normalized)),
        el("td", {}, g.count), el("td", {}, g.n_documents), el("td", {}, g.first || ""), el("td", {}, g.last || ""),
        el("td", { class: "muted" }, g.variants.map((v) => `${v.text} (${v.count})`).join("，"))));
    }
    if (!body.children.length) body.append(el("tr", {}, el("td", { colspan: 6, class: "muted empty" }, "No formulations.")));
  }, section);
}

async function sloganView(normalized, params) {
  const chart = el("div", { class: "timeline" });
  const { table: t, body } = table(["Published", "Document", "Mentions", "Variants", "First sentence"]);
  const entries = [];
  const section = el("section", {},
    el("h1", {}, "Formulation: ", el("q", {}, normalized)),
    el("p", {}, el("a", { href: link(`/graph/slogan:${normalized}`) }, "Show in the graph")), chart, t);
  fill(view, section);
  await pager("/slogans/timeline", { normalized, limit: 200 }, (items) => {
    for (const e of items) {
      entries.push(e);
      body.append(el("tr", {},
        el("td", {}, e.published || "—"),
        el("td", {}, el("a", { href: link(`/doc/${e.document}`, { at: e.first }) }, docName(e.title, e.source, e.document))),
        el("td", {}, e.count), el("td", {}, e.variants.join("，")), el("td", { class: "sentence" }, e.sentence || "")));
    }
    fill(chart, timelineChart(entries, (e) => { location.hash = link(`/doc/${e.document}`, { at: e.first }); }));
  }, section);
}

const QUALIFIER = { exact: "", approx: "about", lower_bound: "at least", upper_bound: "at most", range: "range" };
const QUANTITY_COLUMNS = [
  ["document", "Document"], ["text", "Quantity"], ["value", "Value"], ["unit", "Unit"], ["qualifier", "Qualifier"],
  ["indicator", "Indicator"], ["time", "Time"], ["place", "Place"], ["sentence", "Sentence"],
];

function quantityValue(q) {
  if ((q.value === null || q.value === undefined) && (q.lower != null || q.upper != null)) {
    return `${formatNumber(q.lower)}–${formatNumber(q.upper)}`;
  }
  return formatNumber(q.value);
}

function csvCell(value) {
  const text = value === null || value === undefined ? "" : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Every quantity matching the filters (up to `cap` rows) as CSV text with a header row. */
async function quantitiesCsv(filters, cap = 20000) {
  const header = ["document", "title", "source", "published", "text", "start", "end", "value", "lower", "upper", "unit",
    "qualifier", "indicator", "time", "year", "place", "sentence"];
  const rows = [header.join(",")];
  let cursor = null;
  do {
    const page = await api("/quantities", { ...filters, limit: 500, cursor });
    for (const q of page.items) rows.push(header.map((k) => csvCell(q[k])).join(","));
    cursor = page.next;
  } while (cursor && rows.length <= cap);
  return rows.join("\r\n") + "\r\n";
}

async function quantitiesView(match, params) {
  const fields = [["indicator", "Indicator"], ["unit", "Unit (元, 亿元, 万人 …)"], ["place", "Place"], ["year", "Year", "number"], ["min", "Min", "number"], ["max", "Max", "number"]];
  const { table: t, body } = table(QUANTITY_COLUMNS.map(([, title]) => title), ["Value"]);
  t.id = "quantity-table";
  const filters = Object.fromEntries(fields.map(([name]) => [name, params.get(name)]));
  const download = el("button", { type: "button", id: "quantities-csv" }, "Download CSV");
  download.addEventListener("click", async () => {
    download.disabled = true;
    try {
      const blob = new Blob(["\ufeff", await quantitiesCsv(filters)], { type: "text/csv;charset=utf-8" });
      const a = el("a", { href: URL.createObjectURL(blob), download: "quantities.csv" });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(a.href), 10000);
    } catch (error) {
      section.append(errorBox(error));
    } finally {
      download.disabled = false;
    }
  });
  const note = params.get("unit")
    ? el("p", { class: "muted note" }, "Values are in base units: a unit printed with a magnitude (亿元, 万人 …) is read as 元, 人 …, with Min and Max in the unit you typed.")
    : null;
  const section = el("section", {}, el("h1", {}, "Quantities"), filterForm(fields, params, "/quantities"),
    el("p", { class: "actions" }, download), note, t);
  fill(view, section);
  await pager("/quantities", { ...filters, limit: 100 }, (items) => {
    for (const q of items) {
      body.append(el("tr", { class: "quantity-row" },
        el("td", { class: "doc" }, el("a", { href: link(`/doc/${q.document}`) }, docName(q.title, q.source, q.document))),
        el("td", { class: "nowrap" }, el("a", { href: link(`/doc/${q.document}`, { at: q.start, len: q.end - q.start }) }, q.text)),
        el("td", { class: "num" }, quantityValue(q)), el("td", { class: "nowrap" }, q.unit || ""),
        el("td", { class: "nowrap" }, QUALIFIER[q.qualifier] ?? q.qualifier ?? ""), el("td", {}, q.indicator || ""),
        el("td", { class: "nowrap" }, q.time || ""), el("td", { class: "nowrap" }, q.place || ""),
        el("td", { class: "sentence" }, q.sentence || "")));
    }
    if (!body.children.length) {
      body.append(el("tr", {}, el("td", { colspan: QUANTITY_COLUMNS.length, class: "muted empty" },
        "No quantities match these filters.")));
      download.disabled = true;
    }
  }, section);
}

document.getElementById("search-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const q = document.getElementById("search-box").value.trim();
  if (q) location.hash = link("/search", { q });
});
window.addEventListener("hashchange", render);
render();

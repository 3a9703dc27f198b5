// Indicator concepts: the list, and one concept's values by year (targets and results as two
// series, one line per place) with the rows and their sentences below.
import { el, fill, api, link, pager, svg, docName } from "./util.js";

const COLOURS = ["#1f6feb", "#d1242f", "#1a7f37", "#9a6700", "#8250df", "#bf3989", "#0a7d8c", "#57606a"];

/** The list of concepts used in the corpus, most used first. */
export async function indicatorsView(view, params) {
  const q = params.get("q") || "";
  const body = el("tbody");
  const form = el("form", { class: "filters" },
    el("label", {}, "Label or alias", el("input", { name: "q", value: q })), el("button", { type: "submit" }, "Filter"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const value = new FormData(form).get("q");
    location.hash = link("/indicators", value ? { q: value } : {});
  });
  const section = el("section", {}, el("h1", {}, "Indicators"),
    el("p", { class: "muted" }, "Concepts of the indicator vocabulary: the wordings documents use for one indicator (国内生产总值增长, 地区生产总值增长, 经济增长 …) count as one."),
    form, el("table", { class: "list" }, el("thead", {}, el("tr", {}, ["Indicator", "id", "Quantities", "Documents"].map((h) => el("th", {}, h)))), body));
  fill(view, section);
  await pager("/indicators", { q: q || undefined, limit: 100 }, (items) => {
    for (const c of items) {
      body.append(el("tr", {},
        el("td", {}, el("a", { href: link(`/indicator/${c.id}`) }, c.label)),
        el("td", { class: "muted" }, c.id), el("td", {}, String(c.quantities)), el("td", {}, String(c.documents))));
    }
    if (!body.children.length) body.append(el("tr", {}, el("td", { colspan: 4, class: "muted" }, "none")));
  }, section);
}

function rowValue(r) {
  if (r.value !== null && r.value !== undefined) return r.value;
  if (r.lower !== null && r.upper !== null) return (r.lower + r.upper) / 2;
  return r.lower ?? r.upper;
}

/** Values by year: one polyline per (modality, place); targets dashed. */
export function seriesChart(rows) {
  const points = rows.filter((r) => r.year && rowValue(r) !== null && rowValue(r) !== undefined && !(r.time || "").includes("/"));
  const width = 900, height = 300, pad = 50;
  const root = svg("svg", { viewBox: `0 0 ${width} ${height}`, class: "series-chart", role: "img" });
  root.append(svg("title", {}, "Values by the year they refer to: results solid, targets dashed, one line per place"));
  if (!points.length) {
    root.append(svg("text", { x: pad, y: height / 2, class: "muted" }, "No values with a year."));
    return root;
  }
  const units = new Map();
  points.forEach((r) => units.set(r.unit, (units.get(r.unit) || 0) + 1));
  const unit = [...units.entries()].sort((a, b) => b[1] - a[1])[0][0];
  const shown = points.filter((r) => r.unit === unit);
  const years = shown.map((r) => r.year);
  const values = shown.map(rowValue);
  let y0 = Math.min(...years), y1 = Math.max(...years);
  if (y0 === y1) { y0 -= 1; y1 += 1; }
  let v0 = Math.min(0, ...values), v1 = Math.max(...values);
  if (v0 === v1) v1 = v0 + 1;
  const x = (y) => pad + ((y - y0) / (y1 - y0)) * (width - 2 * pad);
  const y = (v) => height - pad - ((v - v0) / (v1 - v0)) * (height - 2 * pad);
  root.append(svg("line", { x1: pad, x2: width - pad, y1: height - pad, y2: height - pad, class: "axis" }));
  root.append(svg("line", { x1: pad, x2: pad, y1: pad, y2: height - pad, class: "axis" }));
  const step = Math.max(1, Math.ceil((y1 - y0) / 12));
  for (let yr = y0; yr <= y1; yr += step) {
    root.append(svg("text", { x: x(yr), y: height - pad + 16, "text-anchor": "middle", class: "tick" }, String(yr)));
  }
  for (const v of [v0, (v0 + v1) / 2, v1]) {
    root.append(svg("text", { x: pad - 6, y: y(v) + 4, "text-anchor": "end", class: "tick" }, `${+v.toPrecision(3)}`));
  }
  root.append(svg("text", { x: pad, y: pad - 12, class: "tick" }, unit || ""));
  const groups = new Map();
  for (const r of shown) {
    const key = `${r.modality || "unclear"}|${r.place || r.document.place || "—"}`;
    if (!groups.has(key)) groups.set(key, new Map());
    const byYear = groups.get(key);
    if (!byYear.has(r.year)) byYear.set(r.year, r);  // the first row of a year (oldest document) stands for it
  }
  let i = 0;
  const legend = [];
  for (const [key, byYear] of groups) {
    const [modality, place] = key.split("|");
    const colour = COLOURS[i++ % COLOURS.length];
    const pts = [...byYear.values()].sort((a, b) => a.year - b.year);
    const line = svg("polyline", {
      points: pts.map((r) => `${x(r.year)},${y(rowValue(r))}`).join(" "),
      fill: "none", stroke: colour, "stroke-width": 2, "stroke-dasharray": modality === "target" ? "6 4" : "none",
    });
    root.append(line);
    for (const r of pts) {
      const dot = svg("circle", { cx: x(r.year), cy: y(rowValue(r)), r: 4, fill: modality === "target" ? "white" : colour, stroke: colour });
      dot.append(svg("title", {}, `${r.year} ${modality}: ${r.text} — ${r.document.title || r.document.id}`));
      root.append(dot);
    }
    legend.push([colour, modality, place]);
  }
  legend.slice(0, 8).forEach(([colour, modality, place], k) => {
    const ly = pad + k * 16;
    root.append(svg("line", { x1: width - 190, x2: width - 165, y1: ly, y2: ly, stroke: colour, "stroke-width": 2, "stroke-dasharray": modality === "target" ? "6 4" : "none" }));
    root.append(svg("text", { x: width - 160, y: ly + 4, class: "tick" }, `${modality === "target" ? "target" : modality === "actual" ? "result" : modality} · ${place}`));
  });
  return root;
}

/** One concept: its chart and its rows (document, year, value, modality, sentence). */
export async function indicatorView(view, id, params) {
  const filters = {};
  for (const k of ["modality", "place", "from", "to", "issuer"]) if (params.get(k)) filters[k] = params.get(k);
  const form = el("form", { class: "filters" },
    el("label", {}, "Modality", el("select", { name: "modality" }, ["", "target", "actual"].map((m) => el("option", { value: m, selected: filters.modality === m ? "" : undefined }, m || "both")))),
    ...[["place", "Place"], ["from", "From year"], ["to", "To year"], ["issuer", "Issuer"]].map(([k, label]) =>
      el("label", {}, label, el("input", { name: k, value: filters[k] || "" }))),
    el("button", { type: "submit" }, "Filter"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    location.hash = link(`/indicator/${id}`, Object.fromEntries([...new FormData(form)].filter(([, v]) => v !== "")));
  });
  const concept = (await api("/indicators", { q: id, limit: 50 })).items.find((c) => c.id === id);
  const chartBox = el("div", { class: "chart" });
  const body = el("tbody");
  const section = el("section", {},
    el("h1", {}, concept ? concept.label : id),
    concept ? el("p", { class: "muted" }, `${concept.quantities} quantities in ${concept.documents} documents · also written ${concept.aliases.slice(0, 8).join("、")}`) : null,
    form, chartBox,
    el("table", { class: "list" }, el("thead", {}, el("tr", {}, ["Year", "Value", "Modality", "Place", "Document", "Sentence"].map((h) => el("th", {}, h)))), body));
  fill(view, section);
  const rows = [];
  await pager(`/indicators/${encodeURIComponent(id)}/series`, { ...filters, limit: 500 }, (items) => {
    rows.push(...items);
    fill(chartBox, seriesChart(rows));
    for (const r of items) {
      body.append(el("tr", {},
        el("td", {}, r.year ? String(r.year) : "—"),
        el("td", {}, r.text),
        el("td", { class: r.modality ? `modality-${r.modality}` : "muted" }, r.modality === "actual" ? "result" : r.modality || "unclear"),
        el("td", {}, r.place || (r.document.place ? el("span", { class: "muted", title: "the document's region" }, r.document.place) : "")),
        el("td", {}, el("a", { href: link(`/doc/${r.document.id}`, { at: r.start, len: r.end - r.start }) }, ...docName(r.document.title, r.document.source, r.document.id)), " ", el("span", { class: "muted" }, r.document.published || "")),
        el("td", { class: "sentence" }, r.sentence || "")));
    }
  }, section);
}

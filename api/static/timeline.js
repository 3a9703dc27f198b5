// A formulation's timeline: one dot per document on a date axis, sized by mentions.
import { svg } from "./util.js";

function toTime(iso) {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : t;
}

/** An SVG chart of timeline entries ({published, count, title, document}); onPick(entry) on click. */
export function timelineChart(entries, onPick) {
  const dated = entries.filter((e) => toTime(e.published) !== null);
  const width = 900;
  const height = 170;
  const pad = 40;
  const root = svg("svg", { viewBox: `0 0 ${width} ${height}`, class: "timeline-chart", role: "img" });
  root.append(svg("title", {}, "Documents using the formulation, by publication date"));
  if (!dated.length) {
    root.append(svg("text", { x: pad, y: height / 2, class: "muted" }, "No dated documents."));
    return root;
  }
  const times = dated.map((e) => toTime(e.published));
  let lo = Math.min(...times);
  let hi = Math.max(...times);
  const year = 365.25 * 24 * 3600 * 1000;
  if (hi - lo < year) {
    lo -= year / 2;
    hi += year / 2;
  }
  const x = (t) => pad + ((t - lo) / (hi - lo)) * (width - 2 * pad);
  const axisY = height - 35;
  root.append(svg("line", { x1: pad, x2: width - pad, y1: axisY, y2: axisY, class: "axis" }));
  const first = new Date(lo).getUTCFullYear();
  const last = new Date(hi).getUTCFullYear() + 1;
  const step = Math.max(1, Math.ceil((last - first) / 12));
  for (let y = first; y <= last; y += step) {
    const t = Date.UTC(y, 0, 1);
    if (t < lo || t > hi) continue;
    root.append(svg("line", { x1: x(t), x2: x(t), y1: axisY, y2: axisY + 5, class: "axis" }));
    root.append(svg("text", { x: x(t), y: axisY + 18, "text-anchor": "middle", class: "tick" }, String(y)));
  }
  const stacks = new Map();
  for (const e of dated) {
    const cx = Math.round(x(toTime(e.published)));
    const level = stacks.get(cx) || 0;
    stacks.set(cx, level + 1);
    const r = Math.min(14, 4 + 3 * Math.sqrt(e.count));
    const dot = svg("circle", { cx, cy: axisY - 18 - level * 26, r, class: "dot", tabindex: 0 });
    dot.append(svg("title", {}, `${e.published} · ${e.title || e.document} · ${e.count}×`));
    dot.addEventListener("click", () => onPick(e));
    root.append(dot);
  }
  return root;
}

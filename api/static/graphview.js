// The graph view: a node's neighbourhood drawn with a small force layout in SVG.
// Click a node to select and expand it; drag nodes; wheel zooms; drag the background pans.
// Labels never overlap: they are placed beside their node (right, left, above, below), most
// important nodes first, and a label with no free place is hidden until its node is hovered.
import { el, fill, api, link, errorBox, loading, svg } from "./util.js";

const RADIUS = { document: 11, slogan: 9, citation: 8, section: 6, point: 5, item: 5, quantity: 5, year: 8, concept: 10, keyword: 6 };

/** Approximate width in SVG units of a label drawn at 11px (wide characters count double). */
function labelWidth(text) {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\uffff]/.test(ch) ? 11 : 6.4;
  return w;
}

function overlaps(a, b) {
  return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
}

function short(label, n = 14) {
  const s = String(label ?? "");
  return s.length > n ? s.slice(0, n - 1) + "…" : s;
}

class ForceGraph {
  constructor(container, onSelect) {
    this.nodes = new Map();
    this.edges = new Map();
    this.hidden = new Set();
    this.onSelect = onSelect;
    this.width = 900;
    this.height = 600;
    this.view = { x: 0, y: 0, k: 1 };
    this.alpha = 0;
    this.frame = 0;
    this.svg = svg("svg", { class: "graph-canvas", viewBox: `0 0 ${this.width} ${this.height}`, id: "graph-svg" });
    this.layer = svg("g");
    this.edgeLayer = svg("g", { class: "edges" });
    this.nodeLayer = svg("g", { class: "nodes" });
    this.layer.append(this.edgeLayer, this.nodeLayer);
    this.svg.append(this.layer);
    container.append(this.svg);
    this.bindPanZoom();
  }

  merge(data, around) {
    const origin = around && this.nodes.get(around);
    let added = 0;
    for (const n of data.nodes) {
      const known = this.nodes.get(n.id);
      if (known) {
        known.data = { ...known.data, ...n };
        continue;
      }
      const angle = Math.random() * 2 * Math.PI;
      const r = origin ? 40 + Math.random() * 40 : Math.random() * 50;
      this.nodes.set(n.id, {
        id: n.id, data: n, x: (origin ? origin.x : this.width / 2) + r * Math.cos(angle),
        y: (origin ? origin.y : this.height / 2) + r * Math.sin(angle), vx: 0, vy: 0, fixed: false,
      });
      added += 1;
    }
    for (const e of data.edges) {
      const key = `${e.source}\u0000${e.target}\u0000${e.rel}`;
      if (!this.edges.has(key)) this.edges.set(key, e);
    }
    this.draw();
    this.kick(added ? 1 : 0.3);
    return added;
  }

  types() {
    return [...new Set([...this.nodes.values()].map((n) => n.data.type))].sort();
  }

  visible(n) {
    return n && (!this.hidden.has(n.data.type) || n.id === this.selected);
  }

  draw() {
    this.edgeLayer.replaceChildren();
    this.nodeLayer.replaceChildren();
    for (const e of this.edges.values()) {
      const a = this.nodes.get(e.source);
      const b = this.nodes.get(e.target);
      if (!this.visible(a) || !this.visible(b)) continue;
      const line = svg("line", { class: `edge r-${e.rel}` });
      line.append(svg("title"));
      line.lastChild.textContent = e.rel;
      e.el = line;
      this.edgeLayer.append(line);
    }
    for (const n of this.nodes.values()) {
      n.el = null;
      if (!this.visible(n)) continue;
      const g = svg("g", { class: `node t-${n.data.type}${n.id === this.selected ? " selected" : ""}`, "data-id": n.id });
      const circle = svg("circle", { r: RADIUS[n.data.type] || 7 });
      const title = svg("title");
      title.textContent = `${n.data.type}: ${n.data.label ?? n.id}`;
      const text = svg("text", { x: (RADIUS[n.data.type] || 7) + 3, y: 4 });
      text.textContent = short(n.data.label ?? n.id);
      n.text = text;
      n.textWidth = labelWidth(text.textContent);
      g.append(circle, title, text);
      g.addEventListener("pointerenter", () => this.nodeLayer.append(g));  // hovered node and label on top
      this.bindDrag(g, n);
      n.el = g;
      this.nodeLayer.append(g);
    }
    for (const n of this.nodes.values()) {
      if (n.el && n.text) n.textWidth = n.text.getComputedTextLength() || n.textWidth;  // measured once drawn
    }
    this.paint();
    this.declutter();
  }

  /** Place labels so that none overlaps another label or a node; hide the ones that do not fit. */
  declutter() {
    const shown = [...this.nodes.values()].filter((n) => n.el && n.text);
    const degree = new Map();
    for (const e of this.edges.values()) {
      degree.set(e.source, (degree.get(e.source) || 0) + 1);
      degree.set(e.target, (degree.get(e.target) || 0) + 1);
    }
    const radius = (n) => RADIUS[n.data.type] || 7;
    const rank = (n) => (n.id === this.selected ? 1e6 : 0) + radius(n) * 1000 + (degree.get(n.id) || 0);
    shown.sort((a, b) => rank(b) - rank(a));
    const taken = shown.map((n) => ({ x1: n.x - radius(n), y1: n.y - radius(n), x2: n.x + radius(n), y2: n.y + radius(n), id: n.id }));
    for (const n of shown) {
      const r = radius(n);
      const w = n.textWidth;
      const places = [
        { x: r + 3, y: 4, anchor: "start", box: { x1: n.x + r + 2, y1: n.y - 7, x2: n.x + r + 4 + w, y2: n.y + 6 } },
        { x: -r - 3, y: 4, anchor: "end", box: { x1: n.x - r - 4 - w, y1: n.y - 7, x2: n.x - r - 2, y2: n.y + 6 } },
        { x: 0, y: -r - 4, anchor: "middle", box: { x1: n.x - w / 2, y1: n.y - r - 16, x2: n.x + w / 2, y2: n.y - r - 2 } },
        { x: 0, y: r + 13, anchor: "middle", box: { x1: n.x - w / 2, y1: n.y + r + 2, x2: n.x + w / 2, y2: n.y + r + 16 } },
      ];
      const free = places.find((p) => !taken.some((t) => t.id !== n.id && overlaps(p.box, t)));
      const place = free || places[0];
      n.text.setAttribute("x", place.x);
      n.text.setAttribute("y", place.y);
      n.text.setAttribute("text-anchor", place.anchor);
      n.text.classList.toggle("hidden", !free);
      if (free) taken.push(free.box);
    }
  }

  paint() {
    for (const e of this.edges.values()) {
      if (!e.el || !e.el.isConnected) continue;
      const a = this.nodes.get(e.source);
      const b = this.nodes.get(e.target);
      e.el.setAttribute("x1", a.x.toFixed(1));
      e.el.setAttribute("y1", a.y.toFixed(1));
      e.el.setAttribute("x2", b.x.toFixed(1));
      e.el.setAttribute("y2", b.y.toFixed(1));
    }
    for (const n of this.nodes.values()) {
      if (n.el) n.el.setAttribute("transform", `translate(${n.x.toFixed(1)},${n.y.toFixed(1)})`);
    }
    const { x, y, k } = this.view;
    this.layer.setAttribute("transform", `translate(${x},${y}) scale(${k})`);
    this.frame += 1;
    if (this.frame % 8 === 0) this.declutter();
  }

  kick(alpha = 1) {
    delete this.svg.dataset.settled;
    const running = this.alpha > 0.02;
    this.alpha = Math.max(this.alpha, alpha);
    if (!running) requestAnimationFrame(() => this.tick());
  }

  tick() {
    const list = [...this.nodes.values()].filter((n) => this.visible(n));
    const count = list.length;
    const repulse = 4500;
    for (let i = 0; i < count; i += 1) {
      const a = list[i];
      for (let j = i + 1; j < count; j += 1) {
        const b = list[j];
        let dx = a.x - b.x;
        let dy = a.y - b.y;
        let d2 = dx * dx + dy * dy;
        if (d2 < 1) {
          dx = Math.random() - 0.5;
          dy = Math.random() - 0.5;
          d2 = 1;
        }
        if (d2 > 250000) continue;
        const f = repulse / d2;
        const d = Math.sqrt(d2);
        a.vx += (dx / d) * f;
        a.vy += (dy / d) * f;
        b.vx -= (dx / d) * f;
        b.vy -= (dy / d) * f;
      }
    }
    for (const e of this.edges.values()) {
      const a = this.nodes.get(e.source);
      const b = this.nodes.get(e.target);
      if (!this.visible(a) || !this.visible(b)) continue;
      const dx = b.x - a.x;
      const dy = b.y - a.y;
      const d = Math.sqrt(dx * dx + dy * dy) || 1;
      const f = (d - 95) * 0.04;
      a.vx += (dx / d) * f;
      a.vy += (dy / d) * f;
      b.vx -= (dx / d) * f;
      b.vy -= (dy / d) * f;
    }
    for (const n of list) {
      n.vx += (this.width / 2 - n.x) * 0.004;
      n.vy += (this.height / 2 - n.y) * 0.004;
      if (n.fixed) {
        n.vx = 0;
        n.vy = 0;
        continue;
      }
      n.vx *= 0.55;
      n.vy *= 0.55;
      n.x += Math.max(-30, Math.min(30, n.vx * this.alpha));
      n.y += Math.max(-30, Math.min(30, n.vy * this.alpha));
    }
    this.paint();
    this.alpha *= 0.975;
    if (this.alpha > 0.02) requestAnimationFrame(() => this.tick());
    else {
      this.declutter();
      this.svg.dataset.settled = "true";  // the layout has come to rest
    }
  }

  toLocal(event) {
    const box = this.svg.getBoundingClientRect();
    const sx = ((event.clientX - box.left) / box.width) * this.width;
    const sy = ((event.clientY - box.top) / box.height) * this.height;
    return { x: (sx - this.view.x) / this.view.k, y: (sy - this.view.y) / this.view.k, sx, sy };
  }

  bindDrag(g, n) {
    g.addEventListener("pointerdown", (event) => {
      event.stopPropagation();
      g.setPointerCapture(event.pointerId);
      const start = this.toLocal(event);
      let moved = false;
      n.fixed = true;
      const move = (ev) => {
        const p = this.toLocal(ev);
        if (Math.abs(p.x - start.x) + Math.abs(p.y - start.y) > 3) moved = true;
        n.x = p.x;
        n.y = p.y;
        this.paint();
        this.kick(0.3);
      };
      const up = () => {
        g.removeEventListener("pointermove", move);
        g.removeEventListener("pointerup", up);
        n.fixed = moved;
        if (!moved) this.onSelect(n.id);
      };
      g.addEventListener("pointermove", move);
      g.addEventListener("pointerup", up);
    });
  }

  bindPanZoom() {
    this.svg.addEventListener("wheel", (event) => {
      event.preventDefault();
      const p = this.toLocal(event);
      const k = Math.min(4, Math.max(0.2, this.view.k * (event.deltaY < 0 ? 1.15 : 1 / 1.15)));
      this.view = { k, x: p.sx - p.x * k, y: p.sy - p.y * k };
      this.paint();
    }, { passive: false });
    this.svg.addEventListener("pointerdown", (event) => {
      const start = { x: event.clientX, y: event.clientY, vx: this.view.x, vy: this.view.y };
      const box = this.svg.getBoundingClientRect();
      const scale = this.width / box.width;
      const move = (ev) => {
        this.view.x = start.vx + (ev.clientX - start.x) * scale;
        this.view.y = start.vy + (ev.clientY - start.y) * scale;
        this.paint();
      };
      const up = () => {
        window.removeEventListener("pointermove", move);
        window.removeEventListener("pointerup", up);
      };
      window.addEventListener("pointermove", move);
      window.addEventListener("pointerup", up);
    });
  }
}

function nodeLinks(node) {
  const id = node.id;
  const out = [];
  if (node.type === "document") out.push(el("a", { href: link(`/doc/${id.slice(4)}`) }, "Open the document"));
  if (node.type === "slogan") out.push(el("a", { href: link(`/slogan/${id.slice(7)}`) }, "Timeline"));
  if (node.type === "concept") out.push(el("a", { href: link(`/indicator/${id.slice(8)}`) }, "Values by year"));
  if (node.type === "keyword") out.push(el("a", { href: link("/term", { q: id.slice(8) }) }, "Term timeline"));
  if (node.doc && node.char_start !== undefined) {
    out.push(el("a", { href: link(`/doc/${node.doc}`, { at: node.char_start }) }, "Show in its document"));
  }
  return out;
}

export async function graphView(view, startId, params) {
  const canvas = el("div", { class: "graph-box" });
  const info = el("div", { class: "detail", id: "node-detail" }, el("p", { class: "muted" }, "Click a node to expand it."));
  const filters = el("div", { class: "type-filters", id: "type-filters" });
  const search = el("input", { type: "search", placeholder: "Find a node (slogan, place, document…)", id: "node-search" });
  const results = el("ul", { class: "plain node-results" });
  const depth = el("select", { id: "expand-depth" }, el("option", { value: 1 }, "expand 1 step"), el("option", { value: 2 }, "expand 2 steps"));
  fill(view, el("h1", {}, "Graph"),
    el("div", { class: "graph-layout" },
      el("aside", { class: "side" }, search, results, depth, el("h3", {}, "Types"), filters),
      canvas, el("aside", { class: "side" }, info)));
  let graph = null;

  function drawFilters() {
    fill(filters, graph.types().map((type) => {
      const box = el("input", { type: "checkbox", checked: !graph.hidden.has(type), dataset: { type } });
      box.addEventListener("change", () => {
        if (box.checked) graph.hidden.delete(type);
        else graph.hidden.add(type);
        graph.draw();
        graph.kick(0.5);
      });
      return el("label", { class: `type t-${type}` }, box, el("span", { class: "swatch" }), ` ${type}`);
    }));
  }

  async function expand(id) {
    try {
      const data = await api(`/graph/nodes/${encodeURIComponent(id)}/neighbors`, { depth: depth.value, limit: 80 });
      graph.merge(data, id);
      drawFilters();
      if (data.truncated) info.append(el("p", { class: "muted" }, "80 neighbours shown, a share of each type; click a node to expand it."));
    } catch (error) {
      info.append(errorBox(error));
    }
  }

  async function select(id) {
    graph.selected = id;
    graph.draw();
    const node = graph.nodes.get(id)?.data || (await api(`/graph/nodes/${encodeURIComponent(id)}`));
    const attrs = Object.entries(node).filter(([k]) => !["id", "depth", "label"].includes(k));
    fill(info, el("h3", {}, node.label ?? id), el("p", { class: "muted" }, id),
      el("dl", {}, attrs.map(([k, v]) => [el("dt", {}, k), el("dd", {}, String(v))])), el("p", {}, nodeLinks(node)));
    await expand(id);
  }

  graph = new ForceGraph(canvas, select);

  async function lookup(q) {
    const page = await api("/graph/nodes", { q, limit: 15 });
    fill(results, page.items.map((n) => el("li", {}, el("a", { href: link(`/graph/${n.id}`) }, `${n.type}: ${short(n.label, 24)}`))));
  }
  search.addEventListener("change", () => lookup(search.value.trim()).catch((e) => results.append(errorBox(e))));

  // the first graph request after the server starts waits for the graph to be built
  const wait = loading("Loading the graph… (the first request after the server starts builds it: a few seconds)");
  wait.id = "graph-loading";
  canvas.prepend(wait);
  try {
    if (!startId) {
      await lookup(params.get("q") || "");
      fill(info, el("p", {}, "Choose a starting node on the left, or open a document and follow “Graph of this document”."));
      return;
    }
    await select(startId);
  } finally {
    wait.remove();
  }
}

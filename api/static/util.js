// Small helpers shared by the explorer views: DOM building, API calls, sentences.

/** Build an element: el("a", {href: "#"}, "text", child, ...). Text is never parsed as HTML. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "dataset") Object.assign(node.dataset, value);
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Replace the contents of a node. */
export function fill(node, ...children) {
  node.replaceChildren();
  for (const child of children.flat(Infinity)) {
    if (child !== null && child !== undefined && child !== false) node.append(child);
  }
  return node;
}

let busy = 0;

/** The header's activity line: a spinner and "Loading…" while any request is under way. */
export function status(message) {
  const node = document.getElementById("status");
  node.textContent = message || "";
  node.classList.toggle("busy", Boolean(message));
}

function track(delta) {
  busy = Math.max(0, busy + delta);
  status(busy ? "Loading…" : "");
}

/** A box with a spinner and a message, shown where slow content will appear. */
export function loading(message = "Loading…") {
  return el("div", { class: "loading", role: "status" }, el("span", { class: "spinner", "aria-hidden": "true" }), " ", message);
}

const NUMBER = new Intl.NumberFormat("en-US", { maximumFractionDigits: 6 });

/** A number with thousands separators (80000000000 -> 80,000,000,000); "" when absent. */
export function formatNumber(value) {
  if (value === null || value === undefined || value === "") return "";
  const n = Number(value);
  return Number.isFinite(n) ? NUMBER.format(n) : String(value);
}

/** The last part of a path ("C:\\docs\\a.txt" or "/srv/a.txt" -> "a.txt"). */
export function fileName(source) {
  const parts = String(source || "").split(/[\\/]/).filter(Boolean);
  return parts.length ? parts[parts.length - 1] : String(source || "");
}

/**
 * A document's name for lists and headings: its title, or for an untitled document the file
 * name of its source (never the whole path) marked "untitled"; the full source is the tooltip.
 */
export function docName(title, source, id) {
  if (title) return [title];
  const name = fileName(source) || id || "";
  return [el("span", { class: "untitled-name", title: source || id || "" }, name), " ", el("span", { class: "badge untitled" }, "untitled")];
}

/** GET or POST JSON; throws an Error carrying the API's error envelope message. */
export async function api(path, params = {}, options = {}) {
  const url = new URL(path, location.origin);
  for (const [key, value] of Object.entries(params)) {
    if (value === null || value === undefined || value === "") continue;
    if (Array.isArray(value)) value.forEach((v) => url.searchParams.append(key, v));
    else url.searchParams.set(key, value);
  }
  track(1);
  try {
    const response = await fetch(url, options);
    const body = await response.json().catch(() => null);
    if (!response.ok) {
      const message = body && body.error ? body.error : `HTTP ${response.status}`;
      const error = new Error(message);
      error.status = response.status;
      throw error;
    }
    return body;
  } finally {
    track(-1);
  }
}

/** Parameters of the current hash route: "#/path?a=1" -> {path: "/path", params: URLSearchParams}. */
export function route() {
  const hash = location.hash.replace(/^#/, "") || "/";
  const cut = hash.indexOf("?");
  const rawPath = cut < 0 ? hash : hash.slice(0, cut);
  let path = rawPath;
  try {
    path = decodeURIComponent(rawPath);
  } catch (error) {
    // a hand-typed hash with a stray %: keep it as typed
  }
  return { path, params: new URLSearchParams(cut < 0 ? "" : hash.slice(cut + 1)) };
}

export function link(path, params = {}) {
  const qs = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== null && v !== undefined && v !== ""));
  const text = qs.toString();
  const encoded = path.split("/").map(encodeURIComponent).join("/");
  return "#" + encoded + (text ? "?" + text : "");
}

const SENTENCE_END = /[。！？!?；;\n]/;

/** The sentence around [start, end) of text: {start, end, text}. */
export function sentenceAround(text, start, end) {
  let a = start;
  while (a > 0 && !SENTENCE_END.test(text[a - 1])) a -= 1;
  let b = end;
  while (b < text.length && !SENTENCE_END.test(text[b])) b += 1;
  if (b < text.length && text[b] !== "\n") b += 1;
  while (a < start && /\s/.test(text[a])) a += 1;
  return { start: a, end: b, text: text.slice(a, b) };
}

/** A fact's text span as a string (span objects or plain strings). */
export function spanText(value) {
  if (value && typeof value === "object") return value.text;
  return value ?? "";
}

export function errorBox(error) {
  return el("p", { class: "error" }, error.message || String(error));
}

/** A "more" button that loads the next page of a list endpoint and appends rows. */
export function pager(path, params, renderRows, container) {
  let cursor = null;
  const more = el("button", { class: "more", type: "button" }, "More");
  async function load() {
    more.disabled = true;
    try {
      const page = await api(path, { ...params, cursor });
      renderRows(page.items);
      cursor = page.next;
      more.hidden = !cursor;
    } catch (error) {
      container.append(errorBox(error));
    } finally {
      more.disabled = false;
    }
  }
  more.addEventListener("click", load);
  container.append(more);
  return load();
}

const SVG_NS = "http://www.w3.org/2000/svg";

/** An SVG element with attributes and, optionally, text (the charts and the graph use it). */
export function svg(tag, attrs = {}, text) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

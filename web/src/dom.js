// DOM helpers. Everything the API sends is untrusted text (document quotes
// can contain markup), so nodes are built with createElement and text goes in
// through text nodes; nothing here parses HTML.

/**
 * h builds an element. attrs: "class", "text", "dataset" (object),
 * "on<event>" (listener) or any attribute; null/false values are skipped.
 * Children are nodes or strings (strings become text nodes).
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key === 'text') el.textContent = String(value);
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
}

/** fill replaces an element's children. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** byId returns the element with this id, failing loudly when the page lacks it. */
export function byId(id) {
  const el = document.getElementById(id);
  if (!el) throw new Error(`stancegraph: the page has no #${id}`);
  return el;
}

/**
 * setStatus shows a region's state: aria-busy and a visible "Loading…"
 * while loading, an error or empty message, or nothing when idle.
 */
export function setStatus(region, statusEl, state, message = '') {
  region.setAttribute('aria-busy', state === 'loading' ? 'true' : 'false');
  statusEl.className = `status status-${state}`;
  statusEl.textContent = state === 'loading' ? 'Loading…' : message;
  statusEl.hidden = state === 'idle';
}

/** latest returns a function that aborts the previous request and gives a fresh signal. */
export function latest() {
  let ctrl = null;
  return () => {
    if (ctrl) ctrl.abort();
    ctrl = new AbortController();
    return ctrl.signal;
  };
}

/** isAbort reports whether err is a fetch cancelled by a newer request. */
export function isAbort(err) {
  return err !== null && typeof err === 'object' && err.name === 'AbortError';
}

/** formatValue renders one table cell value as text. */
export function formatValue(v) {
  if (v === null || v === undefined) return '—';
  if (Array.isArray(v)) return v.map(formatValue).join(', ');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** docHref is the link to a document's page; the id is encoded, never trusted as a URL. */
export function docHref(doc) {
  return `/documents/${encodeURIComponent(String(doc))}`;
}

const attributionText = {
  quote: 'direct quote',
  reported: 'reported speech',
  label: 'heading or label',
};

/** attribution describes how a text ties a claim to its actor. */
export function attribution(a) {
  return attributionText[a] || String(a || 'unknown attribution');
}

const stanceText = { support: 'supports', oppose: 'opposes', cautious: 'cautious' };

/** stanceBadge is a labelled, coloured stance chip. */
export function stanceBadge(stance) {
  const s = String(stance || '');
  return h('span', { class: `badge stance-${/^[a-z]+$/.test(s) ? s : 'unknown'}` }, stanceText[s] || s || 'no stance');
}

/** docLink links a claim's document by id, showing its title when known. */
export function docLink(doc, title) {
  return h('a', { class: 'doc-link', href: docHref(doc) }, title || doc);
}

/**
 * moreLine says how many of a long list are shown and offers the next page
 * ("Showing 40 of 1,317 actors. Show 40 more"); null when all are shown.
 * @param {number} shown
 * @param {number} total
 * @param {string} noun what the items are, plural
 * @param {number} step how many the next page adds
 * @param {() => void} onMore
 */
export function moreLine(shown, total, noun, step, onMore) {
  if (!(total > shown)) return null;
  const n = Math.min(step, total - shown);
  return h(
    'p',
    { class: 'more-line' },
    `Showing ${shown.toLocaleString('en')} of ${total.toLocaleString('en')} ${noun}. `,
    h('button', { type: 'button', class: 'link-button more', onclick: onMore }, `Show ${n.toLocaleString('en')} more`),
  );
}

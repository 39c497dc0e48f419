// The JSON API client: one fetch wrapper that adds the bearer token, turns
// error answers into ApiError with the server's {"error"} message (never the
// body as HTML), and reports 503s and 401s so the page can show the Neo4j
// banner or ask for a token. A 504 is a query that ran too long, not an
// outage: it becomes an ApiError saying so, and no banner.

const TOKEN_KEY = 'stancegraph.token';
const HEALTH_INTERVAL_MS = 5000;

// memoryToken keeps the token when sessionStorage is disabled.
let memoryToken = '';

/** ApiError is a failed API call with the message meant for people. */
export class ApiError extends Error {
  constructor(message, status, code) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
  }
}

const listeners = { unavailable: [], unauthorized: [], recovered: [] };

/** on subscribes to "unavailable" (a 503), "unauthorized" (a 401) or "recovered" (healthy again). */
export function on(event, fn) {
  listeners[event].push(fn);
}

function emit(event) {
  for (const fn of listeners[event]) fn();
}

/** token is the bearer token the user gave for this tab, or "". */
export function token() {
  try {
    return sessionStorage.getItem(TOKEN_KEY) || memoryToken;
  } catch {
    return memoryToken;
  }
}

/** setToken stores the bearer token for this tab ("" forgets it). */
export function setToken(t) {
  memoryToken = t;
  try {
    if (t) sessionStorage.setItem(TOKEN_KEY, t);
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // storage disabled: memoryToken keeps it for as long as the page lives
  }
}

function authHeader() {
  const t = token();
  return t ? { Authorization: `Bearer ${t}` } : {};
}

/** url builds a same-origin path with the non-empty params as a query string. */
export function url(path, params = {}) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

/**
 * @typedef {object} RequestOptions
 * @property {string} [method] GET unless given
 * @property {Record<string, unknown>} [params] the query string (empty values left out)
 * @property {unknown} [body] sent as JSON
 * @property {AbortSignal} [signal]
 * @property {string} [accept] the Accept header, JSON unless given
 */

/**
 * request performs an API call and returns the Response when it is 2xx.
 * @param {string} path
 * @param {RequestOptions} [options]
 */
export async function request(path, { method = 'GET', params, body, signal, accept = 'application/json' } = {}) {
  const headers = { Accept: accept, ...authHeader() };
  let payload;
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let res;
  try {
    res = await fetch(url(path, params), { method, headers, body: payload, signal, credentials: 'same-origin' });
  } catch (err) {
    if (err && err.name === 'AbortError') throw err;
    throw new ApiError('Cannot reach the stancegraph server.', 0, 'network');
  }
  if (res.status === 503) emit('unavailable');
  if (res.status === 401) emit('unauthorized');
  if (!res.ok) throw await errorFrom(res);
  return res;
}

async function errorFrom(res) {
  let message =
    res.status === 504
      ? 'The query timed out.'
      : `The server answered ${res.status}${res.statusText ? ` ${res.statusText}` : ''}.`;
  let code = '';
  if ((res.headers.get('Content-Type') || '').includes('json')) {
    try {
      const b = await res.json();
      if (b && typeof b.error === 'string' && b.error) message = b.error;
      if (b && typeof b.code === 'string') code = b.code;
    } catch {
      // not JSON after all: keep the generic message rather than show the body
    }
  }
  return new ApiError(message, res.status, code);
}

/**
 * getJSON GETs path and decodes the JSON answer; callers say which of the
 * API's shapes (types/openapi.d.ts, from openapi.json) they expect.
 * @param {string} path
 * @param {RequestOptions} [opts]
 * @returns {Promise<unknown>}
 */
export async function getJSON(path, opts = {}) {
  const res = await request(path, opts);
  return res.json();
}

/**
 * postJSON POSTs body as JSON and decodes the JSON answer.
 * @param {string} path
 * @param {unknown} body
 * @param {RequestOptions} [opts]
 * @returns {Promise<unknown>}
 */
export async function postJSON(path, body, opts = {}) {
  const res = await request(path, { ...opts, method: 'POST', body });
  return res.json();
}

/** logout clears the token cookie and the tab's token, then asks for a token again. */
export async function logout() {
  setToken('');
  await request('/api/logout', { method: 'POST', body: {} });
  emit('unauthorized');
}

let polling = false;

/**
 * pollHealth checks /healthz every 5 s until it answers 200, then emits
 * "recovered". Calling it while already polling does nothing.
 */
export function pollHealth() {
  if (polling) return;
  polling = true;
  const tick = async () => {
    try {
      const res = await fetch('/healthz', { headers: authHeader(), cache: 'no-store' });
      if (res.ok) {
        polling = false;
        emit('recovered');
        return;
      }
    } catch {
      // the server itself is unreachable: keep trying
    }
    setTimeout(tick, HEALTH_INTERVAL_MS);
  };
  setTimeout(tick, HEALTH_INTERVAL_MS);
}

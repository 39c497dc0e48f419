// The page's address keeps what it shows (the topic, the filters, the
// open actor and the question asked) so that a view can be shared as a
// link and comes back on reload.

const KEYS = ['topic', 'stance', 'kind', 'doc', 'actor', 'q'];

/** readAddress returns the view the address names; missing keys are "". */
export function readAddress() {
  const p = new URLSearchParams(window.location.search);
  return Object.fromEntries(KEYS.map((k) => [k, p.get(k) || '']));
}

/** writeAddress puts the view's non-empty keys in the address, without a new history entry. */
export function writeAddress(view) {
  const p = new URLSearchParams();
  for (const k of KEYS) if (view[k]) p.set(k, view[k]);
  const qs = p.toString();
  window.history.replaceState(null, '', qs ? `?${qs}` : window.location.pathname);
}

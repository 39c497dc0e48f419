// Downloads. Every export is fetched (so the bearer token goes with it) and
// saved from a Blob through a temporary <a download>.

import { request } from './api.js';

/** saveBlob offers blob to the user as a file called name. */
export function saveBlob(blob, name) {
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  a.className = 'visually-hidden';
  document.body.append(a);
  a.click();
  a.remove();
  // revoke later: some browsers read the URL after click() returns
  setTimeout(() => URL.revokeObjectURL(href), 30000);
}

/**
 * download fetches an export (GET, or POST with body) and saves it, named
 * by the server's Content-Disposition when it gives a plain file name.
 * @param {string} path
 * @param {import('./api.js').RequestOptions & {name: string}} options
 */
export async function download(path, { method = 'GET', params, body, name }) {
  const res = await request(path, { method, params, body, accept: '*/*' });
  const blob = await res.blob();
  saveBlob(blob, filenameFrom(res.headers.get('Content-Disposition')) || name);
}

function filenameFrom(disposition) {
  const m = /filename="?([^";]+)"?/i.exec(disposition || '');
  if (!m) return '';
  const base = m[1].split(/[\\/]/).pop();
  return /^[\w.\- ]+$/.test(base) ? base : '';
}

/** slug makes a short, safe file name part from free text. */
export function slug(s) {
  return String(s).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'export';
}

// Saved queries: the list from /api/queries, a form with one input per
// parameter, and the result table of POST /api/queries/{name}/run.

import { getJSON, postJSON } from './api.js';
import { cypherDetails } from './ask.js';
import { byId, fill, formatValue, h, isAbort, latest, setStatus } from './dom.js';

/** @typedef {import('openapi-types').components['schemas']} Schemas */

/**
 * createQueries binds #queries and #query-form. onRun(name, params) runs
 * after a successful run (the table becomes the export target).
 */
export function createQueries({ onRun, onShow }) {
  const list = byId('queries');
  const listStatus = byId('queries-status');
  const form = byId('query-form');
  const title = byId('query-title');
  const description = byId('query-description');
  const fields = byId('query-params');
  const run = /** @type {HTMLButtonElement} */ (byId('query-run'));
  const result = byId('result');
  const table = byId('result-table');
  const resultNote = byId('result-note');
  const region = byId('results');
  const status = byId('results-status');
  const nextRun = latest();
  let selected = null;

  /**
   * @param {Schemas['Query']} q
   * @param {Element} button
   */
  function select(q, button) {
    selected = q;
    for (const b of list.querySelectorAll('button.query')) b.setAttribute('aria-pressed', String(b === button));
    title.textContent = q.name;
    description.textContent = q.description || '';
    const params = Array.isArray(q.params) ? q.params : [];
    fill(
      fields,
      params.length
        ? params.map((p, i) => {
            const id = `query-param-${i}`;
            return h(
              'div',
              { class: 'field' },
              h('label', { for: id }, p.name),
              h('input', { id, name: p.name, type: 'text', value: paramText(p.default), autocomplete: 'off', 'data-default-type': typeOf(p.default) }),
            );
          })
        : h('p', { class: 'hint' }, 'This query takes no parameters.'),
      cypherDetails(q.cypher),
    );
    form.hidden = false;
    const first = fields.querySelector('input');
    (first || run).focus();
  }

  async function load() {
    setStatus(list, listStatus, 'loading');
    try {
      const d = /** @type {Schemas['QueryList']} */ (await getJSON('/api/queries'));
      const qs = Array.isArray(d.queries) ? d.queries : [];
      fill(
        list,
        qs.map((q) =>
          h(
            'li',
            {},
            h(
              'button',
              { type: 'button', class: 'query', 'data-name': q.name, 'aria-pressed': 'false' },
              h('span', { class: 'query-name' }, q.name),
              q.description ? h('span', { class: 'query-description' }, q.description) : null,
            ),
          ),
        ),
      );
      list.querySelectorAll('button.query').forEach((b, i) => b.addEventListener('click', () => select(qs[i], b)));
      setStatus(list, listStatus, qs.length ? 'idle' : 'empty', 'No saved queries.');
      if (selected) {
        const again = qs.findIndex((q) => q.name === selected.name);
        if (again >= 0) list.querySelectorAll('button.query')[again].setAttribute('aria-pressed', 'true');
      }
    } catch (err) {
      setStatus(list, listStatus, 'error', err.message);
    }
  }

  async function runSelected() {
    if (!selected) return;
    const name = selected.name;
    const params = {};
    for (const input of fields.querySelectorAll('input')) params[input.name] = typed(input.value, input.dataset.defaultType);
    onShow('result');
    result.hidden = false;
    fill(table);
    resultNote.textContent = '';
    setStatus(region, status, 'loading');
    run.disabled = true;
    try {
      const t = /** @type {Schemas['Table']} */ (await postJSON(`/api/queries/${encodeURIComponent(name)}/run`, { params }, { signal: nextRun() }));
      renderTable(table, t, name);
      resultNote.textContent = t.truncated ? `Showing the first ${(t.rows || []).length} rows; the result was truncated.` : '';
      setStatus(region, status, (t.rows || []).length ? 'idle' : 'empty', 'The query returned no rows.');
      onRun(name, params);
    } catch (err) {
      if (isAbort(err)) return;
      setStatus(region, status, 'error', err.message);
    } finally {
      run.disabled = false;
    }
  }

  form.addEventListener('submit', (evt) => {
    evt.preventDefault();
    runSelected();
  });

  return { load };
}

/** renderTable fills a <table> from an API Table {columns, rows}. */
export function renderTable(table, t, caption) {
  const columns = Array.isArray(t.columns) ? t.columns : [];
  const rows = Array.isArray(t.rows) ? t.rows : [];
  fill(
    table,
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, rows.map((r) => h('tr', {}, (Array.isArray(r) ? r : [r]).map((v) => h('td', {}, formatValue(v)))))),
  );
}

function typeOf(v) {
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  if (typeof v === 'boolean') return 'bool';
  if (v !== null && typeof v === 'object') return 'json';
  return 'string';
}

function paramText(v) {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

// typed sends a parameter as the type of its default, so that a LIMIT or a
// numeric comparison in the Cypher gets a number, not the text of one.
function typed(text, type) {
  const s = text.trim();
  switch (type) {
    case 'int':
      return /^-?\d+$/.test(s) ? Number.parseInt(s, 10) : text;
    case 'float':
      return s !== '' && Number.isFinite(Number(s)) ? Number(s) : text;
    case 'bool':
      return s === 'true' ? true : s === 'false' ? false : text;
    case 'json':
      try {
        return JSON.parse(s);
      } catch {
        return text;
      }
    default:
      return text;
  }
}

// The question box: GET /api/ask, then the answer's rows with their
// evidence, the Cypher it ran, and its graph; or, when the question was not
// understood, the forms it does understand with clickable examples.

import { getJSON } from './api.js';
import { attribution, byId, docLink, fill, formatValue, h, isAbort, latest, moreLine, setStatus } from './dom.js';

// An answer shows this many rows at a time, with their evidence and graph.
const PAGE = 50;
// An opened row shows its actor's quotes this many at a time; the answer
// brings each actor row only its first, so an answer costs what it shows.
const QUOTES = 20;

/** @typedef {import('openapi-types').components['schemas']} Schemas */

/**
 * createAsk binds #ask-form. onAnswer(q, answer) runs after an understood
 * answer (to draw its graph and make it the export target); onOpenActor(id)
 * when the user asks for a row's actor details; topic() is the topic picked
 * on the page, which a question naming none is answered on. onMore(q,
 * answer) runs when the next page of rows arrives (to add its graph).
 */
export function createAsk({ onAnswer, onMore, onOpenActor, onShow, topic }) {
  const form = byId('ask-form');
  const input = /** @type {HTMLInputElement} */ (byId('ask-input'));
  const answer = byId('answer');
  const status = byId('results-status');
  const region = byId('results');
  const next = latest();

  async function ask(q) {
    input.value = q;
    onShow('answer');
    answer.hidden = false;
    fill(answer);
    setStatus(region, status, 'loading');
    try {
      const a = /** @type {Schemas['Answer']} */ (await getJSON('/api/ask', { params: { q, topic: topic(), limit: PAGE }, signal: next() }));
      setStatus(region, status, 'idle');
      if (a.understood) {
        renderAnswer(a, q);
        onAnswer(q, a);
      } else {
        renderNotUnderstood(a);
      }
    } catch (err) {
      if (isAbort(err)) return;
      setStatus(region, status, 'error', err.message);
    }
  }

  function renderAnswer(a, q) {
    const columns = Array.isArray(a.columns) ? a.columns : [];
    const rows = Array.isArray(a.rows) ? a.rows : [];
    const head = h(
      'h3',
      { class: 'answer-question' },
      `“${a.question || q}”`,
      a.intent ? h('span', { class: 'intent' }, ` (${a.intent})`) : null,
      h('span', { class: 'answer-topic' }, a.topic ? ` on ${a.topic}` : ' on every topic'),
    );
    let body;
    const note = a.message ? h('p', { class: 'answer-note', role: 'note' }, a.message) : null;
    if (!rows.length) {
      body = h('p', { class: 'status status-empty' }, a.message || 'No rows answer this question.');
    } else {
      body = h(
        'table',
        { id: 'answer-rows', class: 'data-table' },
        h('caption', { class: 'visually-hidden' }, `Answer to ${a.question || q}`),
        h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col' }, c)), h('th', { scope: 'col' }, 'Evidence'), h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Details')))),
        h('tbody', {}, rows.map((r) => answerRow(r, columns, onOpenActor, quotesOf(a)))),
      );
    }
    const more = h('div', { class: 'answer-more' });
    fill(answer, head, rows.length ? note : null, body, more, cypherDetails(a.cypher, a.params));
    if (rows.length) showMore(q, a.topic || topic(), columns, body, more, rows.length, a.total);
  }

  // showMore offers the answer's next page of rows, appended to its table.
  function showMore(q, on, columns, table, more, shown, total) {
    fill(
      more,
      moreLine(shown, total, 'rows', PAGE, async () => {
        try {
          const a = /** @type {Schemas['Answer']} */ (await getJSON('/api/ask', { params: { q, topic: on, limit: PAGE, offset: shown }, signal: next() }));
          const rows = Array.isArray(a.rows) ? a.rows : [];
          table.querySelector('tbody').append(...rows.map((r) => answerRow(r, columns, onOpenActor, quotesOf(a))));
          showMore(q, on, columns, table, more, shown + rows.length, a.total);
          onMore(q, a);
        } catch (err) {
          if (!isAbort(err)) setStatus(region, status, 'error', err.message);
        }
      }),
    );
  }

  function renderNotUnderstood(a) {
    const forms = Array.isArray(a.forms) ? a.forms : [];
    fill(
      answer,
      h('p', { class: 'status status-error not-understood', role: 'status' }, a.message || 'The question was not understood.'),
      h('h3', {}, 'Questions I understand'),
      h(
        'ul',
        { class: 'forms' },
        forms.map((f) =>
          h(
            'li',
            { class: 'form', 'data-intent': f.intent },
            h('p', {}, f.description || f.intent),
            h(
              'ul',
              { class: 'examples' },
              (f.examples || []).map((ex) =>
                h('li', {}, h('button', { type: 'button', class: 'example link-button', onclick: () => { input.value = ex; ask(ex); } }, ex)),
              ),
            ),
          ),
        ),
      ),
    );
  }

  form.addEventListener('submit', (evt) => {
    evt.preventDefault();
    const q = input.value.trim();
    if (!q) {
      input.focus();
      return;
    }
    ask(q);
  });

  return { ask };
}

/**
 * quotesOf says which quotes an answer's rows stand for: the stance it
 * asked about (none: every stance) and its topic, for opening a row.
 * @param {Schemas['Answer']} a
 */
function quotesOf(a) {
  const stance = a.params && typeof a.params.stance === 'string' ? a.params.stance : '';
  return { stance, topic: a.topic || '' };
}

/**
 * @param {Schemas['AnswerRow']} r
 * @param {string[]} columns
 * @param {(id: string, focus: boolean) => void} onOpenActor
 * @param {{stance: string, topic: string}} quotes
 */
function answerRow(r, columns, onOpenActor, quotes) {
  const values = Array.isArray(r.values) ? r.values : [];
  // the server says which actor a row is about
  const id = r.actor_id ? String(r.actor_id) : '';
  const evidence = Array.isArray(r.evidence) ? r.evidence : [];
  const cell = h('td', { class: 'evidence-cell' }, evidence.length ? evidenceList(evidence) : h('span', { class: 'hint' }, 'no quotes'));
  // A row of claims is its own evidence, and a document's row has none;
  // an actor's row counts its claims when the question is about a stance,
  // and opens to them all.
  const at = (name) => columns.indexOf(name);
  const count = at('claims') >= 0 ? Number(values[at('claims')]) : NaN;
  if (id && at('id') >= 0 && at('claim_id') < 0 && !(count <= evidence.length)) {
    const topic = at('topic_id') >= 0 && values[at('topic_id')] ? String(values[at('topic_id')]) : quotes.topic;
    cell.append(openQuotes(cell, id, { stance: quotes.stance, topic }, count));
  }
  return h(
    'tr',
    { class: 'answer-row', 'data-actor-id': id },
    columns.map((_, i) => h('td', {}, formatValue(values[i]))),
    cell,
    h(
      'td',
      {},
      id
        ? h('button', { type: 'button', class: 'link-button row-details', 'aria-label': `Show details for ${formatValue(values[0])}`, onclick: (evt) => onOpenActor(id, evt.detail === 0) }, 'Details')
        : null,
    ),
  );
}

/**
 * openQuotes is the button that opens a row to its actor's quotes
 * (GET /api/actors/{id}/evidence), a page at a time, in place of the
 * answer's first.
 * @param {HTMLElement} cell
 * @param {string} id
 * @param {{stance: string, topic: string}} on
 * @param {number} count the row's claims, NaN when it does not say
 */
function openQuotes(cell, id, on, count) {
  const label = Number.isFinite(count) ? `All ${count.toLocaleString('en')} quotes` : 'More quotes';
  const status = h('span', { class: 'hint', role: 'status' });
  let busy = false;
  async function load(offset, list) {
    // a second click while a page loads would add it twice
    if (busy) return;
    busy = true;
    status.textContent = 'Loading…';
    if (!status.isConnected) cell.append(status);
    try {
      const p = /** @type {Schemas['QuotePage']} */ (
        await getJSON(`/api/actors/${encodeURIComponent(id)}/evidence`, { params: { stance: on.stance, topic: on.topic, limit: QUOTES, offset } })
      );
      const quotes = Array.isArray(p.quotes) ? p.quotes : [];
      const shown = offset + quotes.length;
      const items = evidenceList(quotes);
      if (list) list.append(...items.children);
      fill(
        cell,
        list || (quotes.length ? items : h('span', { class: 'hint' }, 'no quotes')),
        moreLine(shown, p.total, 'quotes', QUOTES, () => load(shown, list || items)),
      );
    } catch (err) {
      if (!isAbort(err)) status.textContent = err.message;
    } finally {
      busy = false;
    }
  }
  return h('p', { class: 'evidence-open' }, h('button', { type: 'button', class: 'link-button', onclick: () => load(0, null) }, label), ' ', status);
}

/** @param {(Schemas['Evidence'] | Schemas['Quote'])[]} evidence */
function evidenceList(evidence) {
  return h(
    'ul',
    { class: 'evidence' },
    evidence.map((e) =>
      h(
        'li',
        { class: 'evidence-item', 'data-claim-id': e.claim_id },
        h('blockquote', { class: 'quote' }, e.quote || ''),
        h('p', { class: 'claim-meta' }, docLink(e.doc, e.doc_title), ' · ', attribution(e.attribution)),
      ),
    ),
  );
}

/** cypherDetails shows the Cypher an answer ran and its parameters, folded. */
export function cypherDetails(cypher, params) {
  if (!cypher) return null;
  const hasParams = params && typeof params === 'object' && Object.keys(params).length > 0;
  return h(
    'details',
    { class: 'cypher' },
    h('summary', {}, 'Cypher'),
    h('pre', {}, h('code', {}, cypher)),
    hasParams ? h('pre', { class: 'params' }, h('code', {}, JSON.stringify(params, null, 2))) : null,
  );
}

// The question box: GET /api/ask, then the answer's rows with their
// evidence, the Cypher it ran, and its graph; or, when the question was not
// understood, the forms it does understand with clickable examples.

import { getJSON } from './api.js';
import { attribution, byId, docLink, fill, formatValue, h, isAbort, latest, moreLine, setStatus } from './dom.js';

// An answer shows this many rows at a time, with their evidence and graph.
const PAGE = 50;

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
        h('tbody', {}, rows.map((r) => answerRow(r, columns, onOpenActor))),
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
          table.querySelector('tbody').append(...rows.map((r) => answerRow(r, columns, onOpenActor)));
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
 * @param {Schemas['AnswerRow']} r
 * @param {string[]} columns
 * @param {(id: string, focus: boolean) => void} onOpenActor
 */
function answerRow(r, columns, onOpenActor) {
  const values = Array.isArray(r.values) ? r.values : [];
  // the server says which actor a row is about
  const id = r.actor_id ? String(r.actor_id) : '';
  const evidence = Array.isArray(r.evidence) ? r.evidence : [];
  return h(
    'tr',
    { class: 'answer-row', 'data-actor-id': id },
    columns.map((_, i) => h('td', {}, formatValue(values[i]))),
    h('td', { class: 'evidence-cell' }, evidence.length ? evidenceList(evidence) : h('span', { class: 'hint' }, 'no quotes')),
    h(
      'td',
      {},
      id
        ? h('button', { type: 'button', class: 'link-button', 'aria-label': `Show details for ${formatValue(values[0])}`, onclick: (evt) => onOpenActor(id, evt.detail === 0) }, 'Details')
        : null,
    ),
  );
}

/** @param {Schemas['Evidence'][]} evidence */
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

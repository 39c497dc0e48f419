// Filters (stance, kind, document) and the actor list: the list is the text
// alternative of the graph, so every actor drawn can be reached by keyboard.

import { getJSON } from './api.js';
import { byId, fill, h, isAbort, latest, setStatus, stanceBadge } from './dom.js';

const KIND_TEXT = { person: 'person', state: 'state', group: 'group' };

/** createFilters binds #filters; onChange(filters) runs whenever one changes. */
export function createFilters({ onChange }) {
  const form = byId('filters');
  const stance = byId('filter-stance');
  const kind = byId('filter-kind');
  const doc = byId('filter-doc');
  const docStatus = byId('filter-doc-status');

  const values = () => ({ stance: stance.value, kind: kind.value, doc: doc.value });

  form.addEventListener('change', () => onChange(values()));
  form.addEventListener('submit', (evt) => {
    evt.preventDefault();
    onChange(values());
  });
  form.addEventListener('reset', () => {
    // the reset event fires before the fields are cleared
    setTimeout(() => onChange(values()), 0);
  });

  async function loadDocuments() {
    setStatus(doc, docStatus, 'loading');
    try {
      const d = await getJSON('/api/documents');
      const keep = doc.value;
      const docs = Array.isArray(d.documents) ? d.documents : [];
      fill(
        doc,
        h('option', { value: '' }, 'Any document'),
        docs.map((x) => h('option', { value: x.id }, `${x.title || x.id} (${x.claims ?? 0} claims${x.corpus ? `, ${x.corpus} corpus` : ''})`)),
      );
      doc.value = keep;
      if (doc.value !== keep) doc.value = '';
      setStatus(doc, docStatus, 'idle');
    } catch (err) {
      setStatus(doc, docStatus, 'error', `Documents: ${err.message}`);
    }
  }

  return { values, loadDocuments };
}

/**
 * createActorList binds #actor-list. onOpen(id, byKeyboard) opens an actor's details,
 * onExpand(id) draws its neighbourhood.
 */
export function createActorList({ onOpen, onExpand }) {
  const list = byId('actor-list');
  const status = byId('actor-status');
  const count = byId('actor-count');
  const next = latest();

  async function load(filters) {
    setStatus(list, status, 'loading');
    count.textContent = '';
    try {
      const d = await getJSON('/api/actors', { params: filters, signal: next() });
      const actors = Array.isArray(d.actors) ? d.actors : [];
      fill(list, actors.map(item));
      count.textContent = `(${actors.length})`;
      setStatus(list, status, actors.length ? 'idle' : 'empty', 'No actors match these filters');
    } catch (err) {
      if (isAbort(err)) return;
      fill(list);
      setStatus(list, status, 'error', err.message);
    }
  }

  function item(a) {
    const name = a.name || a.id;
    return h(
      'li',
      { class: 'actor', 'data-actor-id': a.id },
      h(
        'button',
        { type: 'button', class: 'actor-open', 'aria-label': `${name}, ${KIND_TEXT[a.kind] || a.kind || ''}: show claims` },
        h('span', { class: `kind-dot kind-${/^[a-z]+$/.test(String(a.kind)) ? a.kind : 'unknown'}`, 'aria-hidden': 'true' }),
        h('span', { class: 'actor-name' }, name),
        h('span', { class: 'actor-kind' }, KIND_TEXT[a.kind] || a.kind || ''),
      ),
      h(
        'span',
        { class: 'actor-stances' },
        (Array.isArray(a.stances) ? a.stances : []).map((s) => h('span', { class: 'actor-stance', title: `${s.claims} claims in ${s.documents} documents` }, stanceBadge(s.stance), ` ${s.claims}`)),
      ),
      h('button', { type: 'button', class: 'actor-expand link-button', 'aria-label': `Expand ${name} in the graph` }, 'Expand'),
    );
  }

  list.addEventListener('click', (evt) => {
    const li = evt.target.closest('li.actor');
    if (!li) return;
    // detail is 0 when the button was activated from the keyboard
    if (evt.target.closest('.actor-open')) onOpen(li.dataset.actorId, evt.detail === 0);
    else if (evt.target.closest('.actor-expand')) onExpand(li.dataset.actorId);
  });

  return { load };
}

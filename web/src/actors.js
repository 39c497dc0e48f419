// Filters (topic, stance, kind, document) and the actor list: the list is
// the text alternative of the graph, so every actor drawn can be reached by
// keyboard.

import { getJSON } from './api.js';
import { byId, fill, h, isAbort, latest, moreLine, setStatus, stanceBadge } from './dom.js';

/** @typedef {import('openapi-types').components['schemas']} Schemas */

const KIND_TEXT = { person: 'person', state: 'state', group: 'group' };

// The list shows this many actors at a time, most evidence first.
const PAGE = 100;

// A document search waits this long after the last key pressed.
const SEARCH_DELAY_MS = 250;

/** createFilters binds #filters; onChange(filters) runs whenever one changes. */
export function createFilters({ onChange }) {
  const form = byId('filters');
  const topic = /** @type {HTMLSelectElement} */ (byId('filter-topic'));
  const topicStatus = byId('filter-topic-status');
  const stance = /** @type {HTMLSelectElement} */ (byId('filter-stance'));
  const kind = /** @type {HTMLSelectElement} */ (byId('filter-kind'));
  const doc = /** @type {HTMLSelectElement} */ (byId('filter-doc'));
  const docSearch = /** @type {HTMLInputElement} */ (byId('filter-doc-search'));
  const docStatus = byId('filter-doc-status');
  const nextDocs = latest();
  let searchTimer = 0;
  // what the address asked for, kept until the lists it names have loaded
  const wanted = { topic: '', doc: '' };
  let topics = [];

  const values = () => ({ topic: topic.value, stance: stance.value, kind: kind.value, doc: doc.value });

  /** set applies filters read from the address. */
  function set(v) {
    wanted.topic = v.topic || '';
    wanted.doc = v.doc || '';
    topic.value = wanted.topic;
    stance.value = v.stance || '';
    kind.value = v.kind || '';
    doc.value = wanted.doc;
  }

  // Typing narrows the document filter to the documents that hold the
  // text; the actors change only when a document is picked.
  docSearch.addEventListener('input', () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(loadDocuments, SEARCH_DELAY_MS);
  });
  form.addEventListener('change', (evt) => {
    if (evt.target === docSearch) return;
    if (evt.target === topic) {
      // another topic's documents: the document filter starts again
      doc.value = '';
      wanted.doc = '';
      loadDocuments();
    }
    wanted.topic = topic.value;
    onChange(values());
  });
  form.addEventListener('submit', (evt) => {
    evt.preventDefault();
    onChange(values());
  });
  form.addEventListener('reset', () => {
    wanted.topic = '';
    wanted.doc = '';
    // the reset event fires before the fields are cleared
    setTimeout(() => {
      loadDocuments();
      onChange(values());
    }, 0);
  });

  /** loadTopics fills the topic picker from /api/topics, with counts. */
  async function loadTopics() {
    setStatus(topic, topicStatus, 'loading');
    try {
      const d = /** @type {Schemas['TopicList']} */ (await getJSON('/api/topics'));
      topics = Array.isArray(d.topics) ? d.topics : [];
      fill(
        topic,
        h('option', { value: '' }, topics.length === 1 ? 'Its one topic' : `All ${topics.length} topics`),
        topics.map((t) => h('option', { value: t.id }, `${t.name || t.id} (${t.documents} documents, ${t.actors} actors)`)),
      );
      topic.value = wanted.topic;
      if (topic.value !== wanted.topic) {
        setStatus(topic, topicStatus, 'error', `The address names a topic the graph does not have: ${wanted.topic}`);
        topic.value = '';
        return;
      }
      setStatus(topic, topicStatus, 'idle');
    } catch (err) {
      setStatus(topic, topicStatus, 'error', `Topics: ${err.message}`);
    }
  }

  /** topicName is the picked topic's name, or "" for all. */
  const topicName = () => (topics.find((t) => t.id === topic.value) || {}).name || '';

  async function loadDocuments() {
    setStatus(doc, docStatus, 'loading');
    const text = docSearch.value.trim();
    try {
      const d = /** @type {Schemas['DocumentList']} */ (
        await getJSON('/api/documents', { params: { topic: topic.value, text }, signal: nextDocs() })
      );
      const keep = wanted.doc || doc.value;
      const docs = Array.isArray(d.documents) ? d.documents : [];
      // A large graph lists its first documents (by source); one asked
      // for by the address or picked before stays choosable.
      const unlisted = (d.total - docs.length).toLocaleString('en');
      const more =
        d.total > docs.length
          ? [h('option', { value: '', disabled: true }, text ? `… ${unlisted} more documents match: search for more words` : `… ${unlisted} more documents not listed`)]
          : text && !docs.length
            ? [h('option', { value: '', disabled: true }, `No document's title, source or file name holds “${text}”`)]
            : [];
      const kept = keep && !docs.some((x) => x.id === keep) ? [h('option', { value: keep }, keep)] : [];
      fill(
        doc,
        h('option', { value: '' }, 'Any document'),
        kept,
        docs.map((x) => h('option', { value: x.id }, `${x.title || x.id} (${x.claims ?? 0} claims${x.corpus ? `, ${x.corpus} corpus` : ''})`)),
        more,
      );
      doc.value = keep;
      if (doc.value !== keep) doc.value = '';
      setStatus(doc, docStatus, 'idle');
    } catch (err) {
      if (isAbort(err)) return;
      setStatus(doc, docStatus, 'error', `Documents: ${err.message}`);
    }
  }

  return { values, set, loadTopics, loadDocuments, topicName };
}

/**
 * createActorList binds #actor-list. onOpen(id, byKeyboard) opens an actor's details,
 * onExpand(id) draws its neighbourhood.
 */
export function createActorList({ onOpen, onExpand }) {
  const list = byId('actor-list');
  const status = byId('actor-status');
  const count = byId('actor-count');
  const more = byId('actor-more');
  const next = latest();

  let current = {};
  let shown = 0;

  // load shows the first page of the actors matching filters; more the next.
  async function load(filters, offset = 0) {
    setStatus(list, status, 'loading');
    if (!offset) {
      current = filters;
      shown = 0;
      count.textContent = '';
      fill(more);
    }
    try {
      const d = /** @type {Schemas['ActorList']} */ (
        await getJSON('/api/actors', { params: { ...filters, limit: PAGE, offset }, signal: next() })
      );
      const actors = Array.isArray(d.actors) ? d.actors : [];
      if (offset) list.append(...actors.map(item));
      else fill(list, actors.map(item));
      shown += actors.length;
      count.textContent = d.total > shown ? `(${shown} of ${d.total})` : `(${shown})`;
      fill(more, moreLine(shown, d.total, 'actors', PAGE, () => load(current, shown)));
      setStatus(list, status, shown ? 'idle' : 'empty', 'No actors match these filters');
    } catch (err) {
      if (isAbort(err)) return;
      if (!offset) fill(list);
      setStatus(list, status, 'error', err.message);
    }
  }

  /** @param {Schemas['Actor']} a */
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
    const target = /** @type {Element} */ (evt.target);
    const li = /** @type {HTMLElement | null} */ (target.closest('li.actor'));
    if (!li) return;
    // detail is 0 when the button was activated from the keyboard
    if (target.closest('.actor-open')) onOpen(li.dataset.actorId, evt.detail === 0);
    else if (target.closest('.actor-expand')) onExpand(li.dataset.actorId);
  });

  return { load };
}

// stancegraph explorer: wires the question box, saved queries, filters,
// actor list, graph, side panel and exports of the one page together.

import { createActorList, createFilters } from './actors.js';
import { readAddress, writeAddress } from './address.js';
import { getJSON, logout, on, pollHealth, setToken } from './api.js';
import { createAsk } from './ask.js';
import { byId, fill, isAbort, latest, moreLine, setStatus } from './dom.js';
import { download, saveBlob, slug } from './exports.js';
import { createGraph } from './graph.js';
import { createPanel } from './panel.js';
import { createQueries } from './queries.js';

/** @typedef {import('openapi-types').components['schemas']} Schemas */

const state = {
  filters: { topic: '', stance: '', kind: '', doc: '' },
  // the actor open in the panel and the question last asked, for the address
  actor: '',
  q: '',
  // what the graph shows: the filtered graph, an answer's, or one actor's neighbourhood (q: its name, id)
  graph: /** @type {{kind: string, q?: string, id?: string}} */ ({ kind: 'filters' }),
  // what CSV/JSON export: null (the actor list), an answer or a query run
  result: null,
};

const graphWrap = byId('graph-wrap');
const graphMore = byId('graph-more');
const graphStatus = byId('graph-status');
const graphCaption = byId('graph-caption');
const graphNote = byId('graph-note');
const banner = byId('banner');
const exportTarget = byId('export-target');
const exportStatus = byId('export-status');

const topicOf = () => state.filters.topic;

const panel = createPanel({
  topic: topicOf,
  onOpenActor: (id) => openActor(id, true),
  onActorsChanged(id) {
    actorList.load(state.filters);
    loadGraph();
    openActor(id, true);
  },
});

const graph = createGraph(byId('graph'), {
  onSelect(el) {
    if (el.isEdge()) panel.showEdge(el);
    else if (el.data('type') === 'topic') panel.showTopic(el, graph.stanceCounts(el.id()));
    else {
      state.actor = el.id();
      saveAddress();
      panel.showActor(el.id());
    }
  },
  onExpand: expand,
});
// for browser tests and for poking at the graph from the console
window.stancegraph = { cy: graph.cy, setLayout: graph.setLayout, replace: graph.replace };

const filters = createFilters({
  onChange(f) {
    state.filters = f;
    saveAddress();
    showTopicName();
    loadGraph();
    actorList.load(f);
  },
});

function saveAddress() {
  writeAddress({ ...state.filters, actor: state.actor, q: state.q });
}

// The header names the picked topic, or the server's default.
const topicHeading = byId('topic-name');
const defaultTopic = topicHeading.textContent;
function showTopicName() {
  topicHeading.textContent = filters.topicName() || defaultTopic;
}

const actorList = createActorList({ onOpen: openActor, onExpand: expand });

const asker = createAsk({
  topic: topicOf,
  onShow: showResultPane,
  onOpenActor: openActor,
  onMore(q, a) {
    if (state.graph.kind === 'answer' && state.graph.q === q && a.graph) graph.merge(a.graph);
  },
  onAnswer(q, a) {
    state.q = q;
    saveAddress();
    state.result = { kind: 'ask', q };
    updateExportTarget();
    const g = a.graph;
    if (g && Array.isArray(g.nodes) && g.nodes.length) {
      nextGraph(); // a filtered graph still loading must not replace the answer's
      fill(graphMore);
      graph.replace(g);
      state.graph = { kind: 'answer', q };
      setStatus(graphWrap, graphStatus, 'idle');
      updateGraphCaption();
    }
  },
});

const queries = createQueries({
  onShow: showResultPane,
  onRun(name, params) {
    state.result = { kind: 'query', name, params };
    updateExportTarget();
  },
});

function showResultPane(which) {
  byId('answer').hidden = which !== 'answer';
  byId('result').hidden = which !== 'result';
}

function openActor(id, focus = false) {
  state.actor = id;
  saveAddress();
  graph.select(id);
  panel.showActor(id, { focus });
}

// --- the graph -----------------------------------------------------------

const nextGraph = latest();

// The graph draws the actors with the most evidence first, a page at a
// time: a few dozen stay readable, and the line under it says how many
// more match.
const GRAPH_PAGE = 40;

async function loadGraph(offset = 0) {
  setStatus(graphWrap, graphStatus, 'loading');
  if (!offset) fill(graphMore);
  try {
    const els = /** @type {Schemas['Elements']} */ (
      await getJSON('/api/graph', { params: { ...state.filters, limit: GRAPH_PAGE, offset }, signal: nextGraph() })
    );
    if (offset) graph.merge(els);
    else graph.replace(els);
    state.graph = { kind: 'filters' };
    updateGraphCaption();
    const shown = graph.actorCount();
    fill(graphMore, moreLine(shown, els.actors_total || 0, 'actors, those with the most evidence first', GRAPH_PAGE, () => loadGraph(shown)));
    setStatus(graphWrap, graphStatus, shown ? 'idle' : 'empty', 'No actors match these filters');
  } catch (err) {
    if (isAbort(err)) return;
    setStatus(graphWrap, graphStatus, 'error', err.message);
  }
}

async function expand(id) {
  const node = graph.cy.getElementById(id);
  const name = node.nonempty() ? node.data('label') : id;
  graphWrap.setAttribute('aria-busy', 'true');
  graphNote.textContent = `Loading the neighbourhood of ${name}…`;
  try {
    const els = /** @type {Schemas['Elements']} */ (
      await getJSON(`/api/graph/neighbourhood/${encodeURIComponent(id)}`, { params: { topic: topicOf() } })
    );
    const added = graph.merge(els);
    graphNote.textContent = added ? `Added ${added} elements around ${name}.` : `Nothing more to show around ${name}.`;
    graph.select(id);
    setStatus(graphWrap, graphStatus, 'idle');
  } catch (err) {
    graphNote.textContent = `Could not expand ${name}: ${err.message}`;
  } finally {
    graphWrap.setAttribute('aria-busy', 'false');
  }
}

function updateGraphCaption() {
  const captions = {
    answer: `Graph of the answer to “${state.graph.q}”`,
    focus: `${state.graph.q} and the actors affiliated with it`,
    filters: 'Graph of the actors matching the filters',
  };
  graphCaption.textContent = captions[state.graph.kind] || captions.filters;
  graphNote.textContent = '';
}

// Finding an actor: the actor with that name or alias (else the match
// with the most evidence, on the picked topic) is drawn alone with its
// neighbourhood and opened in the panel, however far down the lists it is.
byId('graph-search').addEventListener('submit', async (evt) => {
  evt.preventDefault();
  const input = /** @type {HTMLInputElement} */ (byId('graph-search-input'));
  const name = input.value.trim();
  if (!name) return;
  graphNote.textContent = `Looking for ${name}…`;
  try {
    // the name search matches parts of names; a whole name or alias wins
    const d = /** @type {Schemas['ActorList']} */ (await getJSON('/api/actors', { params: { name, topic: topicOf(), limit: 20 } }));
    const same = (/** @type {string} */ n) => n.toLowerCase() === name.toLowerCase();
    const exact = d.actors.find((a) => same(a.name) || (a.aliases || []).some(same));
    const found = exact || d.actors[0];
    if (!found) {
      graphNote.textContent = `No actor is called ${name}${topicOf() ? ' on this topic' : ''}.`;
      return;
    }
    const els = /** @type {Schemas['Elements']} */ (
      await getJSON(`/api/graph/neighbourhood/${encodeURIComponent(found.id)}`, { params: { topic: topicOf() }, signal: nextGraph() })
    );
    fill(graphMore);
    graph.replace(els);
    state.graph = { kind: 'focus', q: found.name, id: found.id };
    updateGraphCaption();
    if (!exact && d.total > 1) graphNote.textContent = `${d.total} actors match “${name}”; this is the one with the most evidence.`;
    setStatus(graphWrap, graphStatus, 'idle');
    openActor(found.id);
  } catch (err) {
    if (!isAbort(err)) graphNote.textContent = `Could not find ${name}: ${err.message}`;
  }
});

byId('layout').addEventListener('change', (evt) => graph.setLayout(/** @type {HTMLSelectElement} */ (evt.target).value));
byId('graph-zoom-in').addEventListener('click', () => graph.zoomBy(1.25));
byId('graph-zoom-out').addEventListener('click', () => graph.zoomBy(0.8));
byId('graph-fit').addEventListener('click', () => graph.fit());
byId('graph-reset').addEventListener('click', () => loadGraph());

// --- exports ---------------------------------------------------------------

function updateExportTarget() {
  const r = state.result;
  exportTarget.textContent = !r ? 'the actor list' : r.kind === 'ask' ? `the answer to “${r.q}”` : `the query ${r.name}`;
}

function resultExport(format) {
  const r = state.result;
  if (!r) return download('/api/actors', { params: { ...state.filters, format }, name: `stancegraph-actors.${format}` });
  if (r.kind === 'ask') return download('/api/ask', { params: { q: r.q, topic: topicOf(), format }, name: `stancegraph-answer-${slug(r.q)}.${format}` });
  return download(`/api/queries/${encodeURIComponent(r.name)}/run`, {
    method: 'POST',
    params: { format },
    body: { params: r.params },
    name: `stancegraph-${slug(r.name)}.${format}`,
  });
}

function graphmlExport() {
  if (state.graph.kind === 'answer') {
    return download('/api/ask', { params: { q: state.graph.q, topic: topicOf(), format: 'graphml' }, name: `stancegraph-answer-${slug(state.graph.q)}.graphml` });
  }
  if (state.graph.kind === 'focus') {
    return download(`/api/graph/neighbourhood/${encodeURIComponent(state.graph.id)}`, {
      params: { topic: topicOf(), format: 'graphml' },
      name: `stancegraph-${slug(state.graph.q)}.graphml`,
    });
  }
  return download('/api/graph', { params: { ...state.filters, format: 'graphml' }, name: 'stancegraph-graph.graphml' });
}

async function pngExport() {
  saveBlob(graph.png(), 'stancegraph-graph.png');
}

function exportButton(id, label, fn, status) {
  const button = /** @type {HTMLButtonElement} */ (byId(id));
  button.addEventListener('click', async () => {
    button.disabled = true;
    status.textContent = `Preparing ${label}…`;
    try {
      await fn();
      status.textContent = `${label} saved.`;
    } catch (err) {
      status.textContent = `${label} export failed: ${err.message}`;
    } finally {
      button.disabled = false;
    }
  });
}
exportButton('export-csv', 'CSV', () => resultExport('csv'), exportStatus);
exportButton('export-json', 'JSON', () => resultExport('json'), exportStatus);
exportButton('export-graphml', 'GraphML', graphmlExport, graphNote);
exportButton('export-png', 'PNG', pngExport, graphNote);

// --- Neo4j banner and access token ---------------------------------------------

on('unavailable', () => {
  banner.textContent = 'Neo4j is unavailable — retrying';
  banner.hidden = false;
  pollHealth();
});
on('recovered', () => {
  banner.hidden = true;
  banner.textContent = '';
  reloadAll();
});

const tokenForm = byId('token-form');
on('unauthorized', () => {
  if (!tokenForm.hidden) return;
  tokenForm.hidden = false;
  byId('token-input').focus();
});
byId('logout').addEventListener('click', async () => {
  try {
    await logout();
    banner.textContent = 'Logged out: this tab needs the token again.';
  } catch (err) {
    banner.textContent = `Logout failed: ${err.message}`;
  }
  banner.hidden = false;
});
tokenForm.addEventListener('submit', (evt) => {
  evt.preventDefault();
  const input = /** @type {HTMLInputElement} */ (byId('token-input'));
  setToken(input.value.trim());
  input.value = '';
  tokenForm.hidden = true;
  banner.hidden = true;
  reloadAll();
});

// --- start -------------------------------------------------------------------

// reloadAll loads the lists, then what they filter: the topic and document
// pickers must hold the address's values before the actors and graph load.
async function reloadAll() {
  queries.load();
  await filters.loadTopics();
  await filters.loadDocuments();
  state.filters = filters.values();
  showTopicName();
  actorList.load(state.filters);
  if (state.graph.kind === 'filters') loadGraph();
}

// The view the address names: its filters, then its actor and question.
const start = readAddress();
filters.set(start);
updateExportTarget();
reloadAll().then(() => {
  if (start.actor) openActor(start.actor);
  if (start.q) asker.ask(start.q);
});

// stancegraph explorer: wires the question box, saved queries, filters,
// actor list, graph, side panel and exports of the one page together.

import { createActorList, createFilters } from './actors.js';
import { getJSON, logout, on, pollHealth, setToken } from './api.js';
import { createAsk } from './ask.js';
import { byId, isAbort, latest, setStatus } from './dom.js';
import { download, saveBlob, slug } from './exports.js';
import { createGraph } from './graph.js';
import { createPanel } from './panel.js';
import { createQueries } from './queries.js';

const state = {
  filters: { stance: '', kind: '', doc: '' },
  // what the graph shows: the filtered graph, or the graph of an answer
  graph: { kind: 'filters' },
  // what CSV/JSON export: null (the actor list), an answer or a query run
  result: null,
};

const graphWrap = byId('graph-wrap');
const graphStatus = byId('graph-status');
const graphCaption = byId('graph-caption');
const graphNote = byId('graph-note');
const banner = byId('banner');
const exportTarget = byId('export-target');
const exportStatus = byId('export-status');

const panel = createPanel({
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
    else if (el.data('type') === 'topic') panel.showTopic(el, graph.stanceCounts());
    else panel.showActor(el.id());
  },
  onExpand: expand,
});
// for browser tests and for poking at the graph from the console
window.stancegraph = { cy: graph.cy };

const filters = createFilters({
  onChange(f) {
    state.filters = f;
    loadGraph();
    actorList.load(f);
  },
});

const actorList = createActorList({ onOpen: openActor, onExpand: expand });

createAsk({
  onShow: showResultPane,
  onOpenActor: openActor,
  onAnswer(q, a) {
    state.result = { kind: 'ask', q };
    updateExportTarget();
    const g = a.graph;
    if (g && Array.isArray(g.nodes) && g.nodes.length) {
      nextGraph(); // a filtered graph still loading must not replace the answer's
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
  graph.select(id);
  panel.showActor(id, { focus });
}

// --- the graph -----------------------------------------------------------

const nextGraph = latest();

async function loadGraph() {
  setStatus(graphWrap, graphStatus, 'loading');
  try {
    const els = await getJSON('/api/graph', { params: state.filters, signal: nextGraph() });
    graph.replace(els);
    state.graph = { kind: 'filters' };
    updateGraphCaption();
    setStatus(graphWrap, graphStatus, graph.actorCount() ? 'idle' : 'empty', 'No actors match these filters');
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
    const els = await getJSON(`/api/graph/neighbourhood/${encodeURIComponent(id)}`);
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
  graphCaption.textContent =
    state.graph.kind === 'answer' ? `Graph of the answer to “${state.graph.q}”` : 'Graph of the actors matching the filters';
  graphNote.textContent = '';
}

byId('layout').addEventListener('change', (evt) => graph.setLayout(evt.target.value));
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
  if (r.kind === 'ask') return download('/api/ask', { params: { q: r.q, format }, name: `stancegraph-answer-${slug(r.q)}.${format}` });
  return download(`/api/queries/${encodeURIComponent(r.name)}/run`, {
    method: 'POST',
    params: { format },
    body: { params: r.params },
    name: `stancegraph-${slug(r.name)}.${format}`,
  });
}

function graphmlExport() {
  if (state.graph.kind === 'answer') {
    return download('/api/ask', { params: { q: state.graph.q, format: 'graphml' }, name: `stancegraph-answer-${slug(state.graph.q)}.graphml` });
  }
  return download('/api/graph', { params: { ...state.filters, format: 'graphml' }, name: 'stancegraph-graph.graphml' });
}

async function pngExport() {
  saveBlob(graph.png(), 'stancegraph-graph.png');
}

function exportButton(id, label, fn, status) {
  const button = byId(id);
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
  const input = byId('token-input');
  setToken(input.value.trim());
  input.value = '';
  tokenForm.hidden = true;
  banner.hidden = true;
  reloadAll();
});

// --- start -------------------------------------------------------------------

function reloadAll() {
  queries.load();
  filters.loadDocuments();
  actorList.load(state.filters);
  if (state.graph.kind === 'filters') loadGraph();
}

state.filters = filters.values();
updateExportTarget();
reloadAll();

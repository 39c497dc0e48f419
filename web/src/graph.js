// The graph view: Cytoscape.js drawing actors around the topic, edges
// coloured by stance. Colours are the Okabe–Ito palette (safe for the common
// colour-vision deficiencies) and every colour is doubled by a shape (node
// kind) or an arrow head / dash (edge type), as the HTML legend explains.

import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';

// fcose: a force-directed layout made for large graphs (spectral start,
// then few iterations), where the built-in cose is slow and tangles.
cytoscape.use(fcose);

/** Node colours and shapes by actor kind. */
/** @type {Record<string, {color: string, shape: cytoscape.Css.NodeShape}>} */
export const KINDS = {
  person: { color: '#0072B2', shape: 'ellipse' },
  state: { color: '#CC79A7', shape: 'round-rectangle' },
  group: { color: '#56B4E9', shape: 'diamond' },
};

/** Edge colours and arrow heads by stance. */
/** @type {Record<string, {color: string, arrow: cytoscape.Css.ArrowShape}>} */
export const STANCES = {
  support: { color: '#009E73', arrow: 'triangle' },
  oppose: { color: '#D55E00', arrow: 'tee' },
  cautious: { color: '#E69F00', arrow: 'diamond' },
};

/**
 * stanceTypes is the server's stance -> relationship type mapping, which
 * the page carries in data-stance-types, so that raw query results
 * (relationships with a type, no stance) are coloured too.
 */
function stanceTypes() {
  try {
    return JSON.parse(document.body.dataset.stanceTypes || '{}');
  } catch {
    return {};
  }
}

const AFFILIATION = '#8C8C8C';
const STANCE_ORDER = { support: 0, cautious: 1, oppose: 2 };

function styles() {
  /** @type {cytoscape.StylesheetJson} */
  const s = [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
        'font-size': 12,
        color: '#1b1b1b',
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': 4,
        'text-outline-color': '#ffffff',
        'text-outline-width': 2,
        'text-wrap': 'ellipsis',
        'text-max-width': '140px',
        'min-zoomed-font-size': 6,
        width: 'mapData(evidence, 0, 20, 20, 60)',
        height: 'mapData(evidence, 0, 20, 20, 60)',
        'background-color': '#777777',
        'border-width': 1.5,
        'border-color': '#ffffff',
      },
    },
  ];
  for (const [kind, k] of Object.entries(KINDS)) {
    s.push({ selector: `node[kind = "${kind}"]`, style: { 'background-color': k.color, shape: k.shape } });
  }
  s.push(
    {
      selector: 'node[type = "topic"]',
      style: {
        shape: 'ellipse',
        width: 72,
        height: 72,
        'background-color': '#1b1b1b',
        'border-width': 3,
        'border-color': '#ffffff',
        'font-size': 14,
        'font-weight': 'bold',
        'text-wrap': 'wrap',
        'text-max-width': '180px',
      },
    },
    {
      // a topic above large camps, as much larger as their headings
      selector: 'node[type = "topic"][scale > 1]',
      style: {
        width: `mapData(scale, 1, ${HEADING_MAX / HEADING}, 72, ${(72 * HEADING_MAX) / HEADING})`,
        height: `mapData(scale, 1, ${HEADING_MAX / HEADING}, 72, ${(72 * HEADING_MAX) / HEADING})`,
        'font-size': `mapData(scale, 1, ${HEADING_MAX / HEADING}, 14, ${(14 * HEADING_MAX) / HEADING})`,
        'text-max-width': `mapData(scale, 1, ${HEADING_MAX / HEADING}, 180, ${(180 * HEADING_MAX) / HEADING})`,
      },
    },
    {
      selector: 'edge',
      style: {
        'curve-style': 'bezier',
        width: 'mapData(claims, 1, 10, 2, 9)',
        'line-color': '#999999',
        'target-arrow-color': '#999999',
        'arrow-scale': 0.9,
        opacity: 0.85,
      },
    },
  );
  const types = stanceTypes();
  for (const [stance, st] of Object.entries(STANCES)) {
    const type = typeof types[stance] === 'string' && /^[A-Z_]+$/.test(types[stance]) ? `, edge[type = "${types[stance]}"]` : '';
    s.push({
      selector: `edge[stance = "${stance}"]${type}`,
      style: { 'line-color': st.color, 'target-arrow-color': st.color, 'target-arrow-shape': st.arrow },
    });
  }
  s.push(
    {
      selector: 'edge[type = "AFFILIATED_WITH"]',
      style: { 'line-color': AFFILIATION, 'line-style': 'dashed', 'line-dash-pattern': [6, 4], width: 1.5, 'target-arrow-shape': 'none' },
    },
    {
      // a camp's folded stance edges (bundleEdges): one edge, thicker for
      // more actors; its panel counts them
      selector: 'edge[type = "bundle"]',
      style: {
        width: 'data(weight)',
      },
    },
    { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#111111', 'underlay-color': '#111111', 'underlay-opacity': 0.15, 'underlay-padding': 6 } },
    { selector: 'edge:selected', style: { opacity: 1, 'underlay-color': '#111111', 'underlay-opacity': 0.2, 'underlay-padding': 4 } },
    {
      // A group's heading: text alone, which the pointer passes through.
      selector: 'node[type = "heading"]',
      style: {
        // as large as its text, so that a camp's folded edges start at its
        // edge rather than across its words
        shape: 'rectangle',
        width: 'data(width)',
        height: 'data(height)',
        'background-opacity': 0,
        'border-width': 0,
        'text-valign': 'center',
        'font-size': 'data(size)',
        'font-weight': 'bold',
        'text-wrap': 'wrap',
        'text-max-width': 'data(width)',
        events: 'no',
      },
    },
    { selector: '.faded', style: { opacity: 0.18, 'text-opacity': 0.3 } },
    // Thousands of edges: straight lines without arrow heads (the colour
    // says the stance), which Cytoscape draws many times faster than curves.
    { selector: 'edge.many', style: { 'curve-style': 'haystack', 'haystack-radius': 0, width: 1.5 } },
  );
  return s;
}

// Cytoscape adds a one-rule <style> to <head> unless an element with this id
// exists. The page's Content-Security-Policy forbids inline <style>, and
// app.css already gives #graph position: relative, so a placeholder keeps the
// refused stylesheet (and its CSP report) from happening.
function claimCytoscapeStylesheet() {
  const id = '__________cytoscape_stylesheet';
  if (document.getElementById(id)) return;
  const meta = document.createElement('meta');
  meta.id = id;
  meta.name = 'cytoscape-stylesheet';
  meta.content = 'see /static/app.css';
  document.head.append(meta);
}

// normalise turns the API's {nodes, edges} into Cytoscape element
// definitions, defaulting the numbers the styles map so that a missing
// field draws a small node or thin edge instead of a warning.
function normalise(elements) {
  const nodes = (elements && Array.isArray(elements.nodes) ? elements.nodes : [])
    .filter((n) => n && n.data && n.data.id !== undefined && n.data.id !== null)
    .map((n) => ({
      group: 'nodes',
      data: {
        ...n.data,
        id: String(n.data.id),
        label: String(n.data.label ?? n.data.id),
        evidence: Number(n.data.evidence) || 0,
        stances: Array.isArray(n.data.stances) ? n.data.stances : [],
      },
    }));
  const edges = (elements && Array.isArray(elements.edges) ? elements.edges : [])
    .filter((e) => e && e.data && e.data.source !== undefined && e.data.target !== undefined)
    .map((e) => ({
      group: 'edges',
      data: {
        ...e.data,
        id: String(e.data.id ?? `${e.data.source}-${e.data.type}-${e.data.target}`),
        source: String(e.data.source),
        target: String(e.data.target),
        stance: e.data.stance || '',
        claims: Number(e.data.claims) || 0,
      },
    }));
  return { nodes, edges };
}

// byStance orders actors so that a concentric ring shows supporters,
// cautious voices and opponents as contiguous arcs.
function byStance(a, b) {
  const sa = STANCE_ORDER[(a.data('stances') || [])[0]] ?? 3;
  const sb = STANCE_ORDER[(b.data('stances') || [])[0]] ?? 3;
  if (sa !== sb) return sa - sb;
  return String(a.data('label')).localeCompare(String(b.data('label')));
}

// The groups of the grouped layout, left to right: one per stance, an
// actor in the group of the stance most of its drawn claims take; actors
// with none (affiliated only) last.
const GROUPS = ['support', 'cautious', 'oppose', 'none'];
const GROUP_NAMES = { support: 'Support', cautious: 'Cautious', oppose: 'Oppose', none: 'Affiliated only' };
const KIND_ORDER = { person: 0, state: 1, group: 2 };
/** @type {Record<string, [string, string]>} */
const KIND_WORDS = { person: ['person', 'persons'], state: ['state', 'states'], group: ['group', 'groups'] };
// Past this many edges they are drawn the fast way (edge.many); past this
// many stance edges the grouped layout folds them into one edge per camp
// and topic (see bundleEdges).
const MANY_EDGES = 1000;

// Columns leave room for a label; rows for the node and its label.
const COLUMN = 112;
const SPACING = 72;
// A heading's font size, at least and at most.
const HEADING = 15;
const HEADING_MAX = 400;

/**
 * tallies counts each actor's claims by stance over its stance edges, from
 * the drawn graph's definitions rather than Cytoscape's edges, which a
 * folded view does not hold.
 * @param {Iterable<cytoscape.ElementDefinition>} edges
 * @returns {Map<string, Record<string, number>>}
 */
function tallies(edges) {
  const by = new Map();
  for (const e of edges) {
    const s = e.data.stance;
    if (!(s in STANCE_ORDER)) continue;
    const actor = by.get(e.data.source) || {};
    actor[s] = (actor[s] || 0) + (e.data.claims || 0);
    by.set(e.data.source, actor);
  }
  return by;
}

/**
 * groupOf is the grouped layout's group of an actor: the stance of its
 * stance edges with the most claims (ties go to the earlier group).
 * @param {Record<string, number> | undefined} claims
 */
function groupOf(claims = {}) {
  let best = 'none';
  for (const g of GROUPS) if (claims[g] !== undefined && (best === 'none' || claims[g] > claims[best])) best = g;
  return best;
}

/**
 * headingText names a group and counts its actors by kind: "Oppose: 12
 * actors (3 persons, 8 states, 1 group)".
 * @param {string} group
 * @param {cytoscape.NodeSingular[]} block
 */
function headingText(group, block) {
  /** @type {Record<string, number>} */
  const kinds = {};
  for (const n of block) kinds[n.data('kind')] = (kinds[n.data('kind')] || 0) + 1;
  const parts = Object.keys(KIND_WORDS)
    .filter((k) => kinds[k])
    .map((k) => `${kinds[k].toLocaleString('en')} ${KIND_WORDS[k][kinds[k] === 1 ? 0 : 1]}`);
  return `${GROUP_NAMES[group]}: ${block.length.toLocaleString('en')} ${block.length === 1 ? 'actor' : 'actors'}${parts.length ? ` (${parts.join(', ')})` : ''}`;
}

/**
 * groupedPositions places actors in one block per stance group, each block
 * a grid with persons, then states, then groups, most evidence first,
 * under a heading that names the group and counts it, and the topics in a
 * row above: a graph of many actors reads as its camps rather than as
 * spokes around one hub.
 * @param {cytoscape.NodeCollection} nodes
 * @param {Map<string, Record<string, number>>} claims each actor's tally
 * @param {{w: number, h: number}} view the size of the view it is fitted to
 * @returns {{pos: Record<string, {x: number, y: number}>, headings: cytoscape.ElementDefinition[], groups: Map<string, string>, scale: number}}
 */
function groupedPositions(nodes, claims, view) {
  /** @type {Record<string, {x: number, y: number}>} */
  const pos = {};
  /** @type {cytoscape.ElementDefinition[]} */
  const headings = [];
  /** @type {Record<string, cytoscape.NodeSingular[]>} */
  const by = {};
  const groups = new Map();
  nodes.forEach((n) => {
    if (n.data('type') === 'topic') return;
    const g = groupOf(claims.get(n.id()));
    groups.set(n.id(), g);
    (by[g] = by[g] || []).push(n);
  });
  const blocks = GROUPS.filter((g) => by[g]).map((g) => {
    const block = by[g].sort(
      (a, b) => (KIND_ORDER[a.data('kind')] ?? 3) - (KIND_ORDER[b.data('kind')] ?? 3) || (b.data('evidence') || 0) - (a.data('evidence') || 0),
    );
    return { g, block, cols: Math.ceil(Math.sqrt(block.length)) };
  });
  // Each heading is wide enough for its text in two lines (bold text
  // runs about 0.65 em a character), at least its block's width; blocks
  // stand apart by a column, and further where their headings would meet.
  const labels = blocks.map((b) => headingText(b.g, b.block));
  const across = (/** @type {number} */ size) => {
    let blockEnd = -COLUMN;
    let headEnd = -Infinity;
    const at = blocks.map(({ cols }, k) => {
      const span = (cols - 1) * COLUMN;
      const w = Math.ceil(Math.max(span, (0.65 * size * labels[k].length) / 2 + size));
      const x = Math.max(blockEnd + COLUMN, headEnd + size - span / 2 + w / 2);
      blockEnd = x + span;
      headEnd = x + span / 2 + w / 2;
      return { x, w, span };
    });
    const left = Math.min(0, ...at.map((a) => a.x + a.span / 2 - a.w / 2));
    return { at, end: blockEnd, wide: Math.max(blockEnd, headEnd) - left };
  };
  // The headings' size: about 13 px on screen once the whole layout is
  // fitted to the view, however many actors, so that thousands of actors
  // still read as named camps. Larger headings widen and heighten the
  // layout, so the size is found again on the layout it makes.
  const rows = Math.max(0, ...blocks.map((b) => Math.ceil(b.block.length / b.cols)));
  let size = HEADING;
  for (let k = 0; k < 4; k++) {
    const high = SPACING * (3 + rows) + 2.4 * size + (160 * size) / HEADING;
    const fitted = Math.min(view.w / across(size).wide, view.h / high);
    size = Math.min(HEADING_MAX, Math.max(HEADING, Math.ceil(13 / fitted)));
  }
  // the rows around the headings make room for their two lines
  const room = Math.max(0, Math.ceil(2.4 * size) - SPACING - 12);
  const { at, end: width } = across(size);
  blocks.forEach(({ g, block, cols }, k) => {
    const { x, w, span } = at[k];
    block.forEach((n, i) => {
      pos[n.id()] = { x: x + (i % cols) * COLUMN, y: SPACING * 2 + room + Math.floor(i / cols) * SPACING };
    });
    const id = `heading:${g}`;
    headings.push({ group: 'nodes', data: { id, type: 'heading', group: g, label: labels[k], size, width: w, height: Math.ceil(2.4 * size) } });
    pos[id] = { x: x + span / 2, y: SPACING + room / 2 };
  });
  // Topics grow with the headings and sit above them, up to three lines of
  // label clear of the headings, spread over the camps' width.
  const scale = size / HEADING;
  const top = SPACING + room / 2 - 1.2 * size;
  const topics = nodes.filter((n) => n.data('type') === 'topic');
  const apart = Math.max(COLUMN * 2, width / Math.max(1, topics.length));
  topics.forEach((n, i) => {
    pos[n.id()] = { x: width / 2 + (i - (topics.length - 1) / 2) * apart, y: Math.min(-SPACING, top - 14 - 87 * scale) };
  });
  return { pos, headings, groups, scale };
}

/**
 * bundleEdges folds the actors' stance edges into one edge per camp, topic
 * and stance, from the camp's heading to the topic, counting its actors
 * and claims: thousands of spokes into one hub read as a solid mass, and
 * each one costs Cytoscape a style and bounds pass (drawing 5,000 actors
 * took 2.5 s with them). The actor's own edges are in its panel.
 * @param {Iterable<cytoscape.ElementDefinition>} edges
 * @param {Map<string, string>} groups each drawn actor's camp
 * @param {number} scale the headings' scale, which the folds' widths follow
 * @returns {cytoscape.ElementDefinition[]}
 */
function bundleEdges(edges, groups, scale) {
  /** @type {Map<string, cytoscape.ElementDefinition>} */
  const out = new Map();
  for (const e of edges) {
    const { source, target, stance } = e.data;
    const g = groups.get(source);
    if (!g || !(stance in STANCE_ORDER)) continue;
    const id = `bundle:${g}:${stance}:${target}`;
    const b = out.get(id) || { group: 'edges', data: { id, source: `heading:${g}`, target, type: 'bundle', stance, actors: 0, claims: 0 } };
    b.data.actors += 1;
    b.data.claims += e.data.claims || 0;
    out.set(id, b);
  }
  for (const b of out.values()) b.data.weight = (2 + 6 * Math.min(1, b.data.actors / 1000)) * scale;
  return [...out.values()];
}

// layoutOptions are the computed layouts' options: fcose, else rings.
function layoutOptions(name) {
  if (name === 'fcose') {
    return { name: 'fcose', animate: false, randomize: true, quality: 'default', nodeRepulsion: () => 6000, idealEdgeLength: () => 90, padding: 30, nodeDimensionsIncludeLabels: true };
  }
  return {
    name: 'concentric',
    animate: false,
    padding: 30,
    minNodeSpacing: 28,
    avoidOverlap: true,
    nodeDimensionsIncludeLabels: true,
    // topic in the middle, actors with a stance on it next, the rest outside
    concentric: (n) => {
      if (n.data('type') === 'topic') return 3;
      return n.connectedEdges().some((e) => e.data('type') !== 'AFFILIATED_WITH') ? 2 : 1;
    },
    levelWidth: () => 1,
  };
}

/**
 * createGraph draws into container. onSelect(element) runs when a node or
 * edge is clicked (tapped), onExpand(id) when an actor is double-clicked.
 */
export function createGraph(container, { onSelect, onExpand }) {
  claimCytoscapeStylesheet();
  const cy = cytoscape({
    container,
    style: styles(),
    elements: [],
    // low enough for thousands of actors to fit the view
    minZoom: 0.02,
    maxZoom: 4,
    boxSelectionEnabled: false,
    selectionType: 'single',
  });
  let layoutName = 'grouped';
  // What the view draws, by id: Cytoscape holds all of it, or, when the
  // grouped layout folds the stance edges, all but those.
  /** @type {Map<string, cytoscape.ElementDefinition>} */
  const nodeDefs = new Map();
  /** @type {Map<string, cytoscape.ElementDefinition>} */
  const edgeDefs = new Map();

  cy.on('tap', 'node, edge', (evt) => onSelect(evt.target));
  cy.on('dbltap', 'node[type = "actor"]', (evt) => onExpand(evt.target.id()));
  cy.on('select', 'node, edge', (evt) => {
    const el = evt.target;
    const keep = el.isNode() ? el.closedNeighborhood() : el.union(el.connectedNodes());
    cy.batch(() => {
      cy.elements().removeClass('faded');
      cy.elements().not(keep).addClass('faded');
    });
  });
  cy.on('unselect', 'node, edge', () => {
    if (cy.$(':selected').empty()) cy.elements().removeClass('faded');
  });

  function folding() {
    if (layoutName !== 'grouped') return false;
    let n = 0;
    for (const e of edgeDefs.values()) if (e.data.stance in STANCE_ORDER) n += 1;
    return n > MANY_EDGES;
  }

  // draw brings Cytoscape in line with the definitions (adding what it
  // lacks, dropping the stance edges when folding and the old folds) and
  // lays the graph out.
  function draw() {
    const fold = folding();
    cy.batch(() => {
      cy.remove(cy.edges().filter((e) => e.data('type') === 'bundle' || (fold && e.data('stance') in STANCE_ORDER)));
      cy.add([...nodeDefs.values()].filter((n) => cy.getElementById(n.data.id).empty()));
      cy.add([...edgeDefs.values()].filter((e) => !(fold && e.data.stance in STANCE_ORDER) && cy.getElementById(e.data.id).empty()));
    });
    cy.edges('[type != "bundle"]').toggleClass('many', cy.edges().length > MANY_EDGES);
    cy.nodes('[type = "heading"]').remove();
    if (layoutName === 'grouped') {
      const { pos, headings, groups, scale } = groupedPositions(cy.nodes(), tallies(edgeDefs.values()), { w: cy.width() || 800, h: cy.height() || 400 });
      cy.nodes('[type = "topic"]').data('scale', scale);
      cy.add(headings);
      if (fold) cy.add(bundleEdges(edgeDefs.values(), groups, scale));
      cy.elements().layout({ name: 'preset', animate: false, padding: 30, positions: pos }).run();
    } else {
      cy.nodes('[type = "topic"]').data('scale', 1);
      // the rings go round in stance order
      cy.nodes().sort(byStance).union(cy.edges()).layout(layoutOptions(layoutName)).run();
    }
    cy.fit(undefined, 30);
  }

  return {
    cy,
    /** replace draws these elements instead of the current ones. */
    replace(elements) {
      const { nodes, edges } = normalise(elements);
      nodeDefs.clear();
      edgeDefs.clear();
      for (const n of nodes) nodeDefs.set(n.data.id, n);
      for (const e of edges) if (nodeDefs.has(e.data.source) && nodeDefs.has(e.data.target)) edgeDefs.set(e.data.id, e);
      cy.elements().remove();
      draw();
    },
    /** merge adds the elements not drawn yet, re-lays out, and returns how many were added. */
    merge(elements) {
      const { nodes, edges } = normalise(elements);
      let added = 0;
      for (const n of nodes) {
        if (nodeDefs.has(n.data.id)) continue;
        nodeDefs.set(n.data.id, n);
        added += 1;
      }
      for (const e of edges) {
        if (edgeDefs.has(e.data.id) || !nodeDefs.has(e.data.source) || !nodeDefs.has(e.data.target)) continue;
        edgeDefs.set(e.data.id, e);
        added += 1;
      }
      if (added > 0) draw();
      return added;
    },
    /** setLayout switches between "grouped", "concentric" and "fcose" and re-lays out. */
    setLayout(name) {
      layoutName = ['grouped', 'concentric', 'fcose'].includes(name) ? name : 'grouped';
      draw();
    },
    /** select selects the element with this id and centres on it; false when it is not drawn. */
    select(id) {
      const el = cy.getElementById(String(id));
      if (el.empty()) return false;
      cy.$(':selected').unselect();
      el.select();
      cy.animate({ center: { eles: el }, duration: 200 });
      return true;
    },
    zoomBy(factor) {
      const z = cy.zoom() * factor;
      cy.zoom({ level: Math.min(cy.maxZoom(), Math.max(cy.minZoom(), z)), renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
    },
    fit() {
      cy.fit(undefined, 30);
    },
    /** png renders the whole graph at twice the screen resolution. */
    png() {
      return cy.png({ full: true, scale: 2, output: 'blob', bg: '#ffffff' });
    },
    actorCount() {
      return cy.nodes('[type = "actor"]').length;
    },
    /** stanceCounts counts the actors with an edge of each stance to this topic, folded or not. */
    stanceCounts(topic) {
      const counts = { support: 0, oppose: 0, cautious: 0 };
      for (const e of edgeDefs.values()) if (e.data.target === topic && e.data.stance in counts) counts[e.data.stance] += 1;
      return counts;
    },
  };
}

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
    { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#111111', 'underlay-color': '#111111', 'underlay-opacity': 0.15, 'underlay-padding': 6 } },
    { selector: 'edge:selected', style: { opacity: 1, 'underlay-color': '#111111', 'underlay-opacity': 0.2, 'underlay-padding': 4 } },
    {
      // A group's heading: text alone, which the pointer passes through.
      selector: 'node[type = "heading"]',
      style: {
        shape: 'rectangle',
        width: 1,
        height: 1,
        'background-opacity': 0,
        'border-width': 0,
        'text-valign': 'center',
        'font-size': 15,
        'font-weight': 'bold',
        'text-max-width': '400px',
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
// Past this many edges they are drawn the fast way (edge.many).
const MANY_EDGES = 1000;

// Columns leave room for a label; rows for the node and its label.
const COLUMN = 112;
const SPACING = 72;

/**
 * groupOf is the grouped layout's group of an actor node: the stance of
 * its stance edges with the most claims (ties go to the earlier group).
 * @param {cytoscape.NodeSingular} n
 */
function groupOf(n) {
  /** @type {Record<string, number>} */
  const claims = {};
  n.connectedEdges().forEach((e) => {
    const s = e.data('stance');
    if (GROUPS.includes(s)) claims[s] = (claims[s] || 0) + (e.data('claims') || 0);
  });
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
    .map((k) => `${kinds[k]} ${KIND_WORDS[k][kinds[k] === 1 ? 0 : 1]}`);
  return `${GROUP_NAMES[group]}: ${block.length} ${block.length === 1 ? 'actor' : 'actors'}${parts.length ? ` (${parts.join(', ')})` : ''}`;
}

/**
 * groupedPositions places actors in one block per stance group, each block
 * a grid with persons, then states, then groups, most evidence first,
 * under a heading that names the group and counts it, and the topics in a
 * row above: a graph of many actors reads as its camps rather than as
 * spokes around one hub.
 * @param {cytoscape.NodeCollection} nodes
 * @returns {{pos: Record<string, {x: number, y: number}>, headings: cytoscape.ElementDefinition[]}}
 */
function groupedPositions(nodes) {
  /** @type {Record<string, {x: number, y: number}>} */
  const pos = {};
  /** @type {cytoscape.ElementDefinition[]} */
  const headings = [];
  /** @type {Record<string, cytoscape.NodeSingular[]>} */
  const by = {};
  nodes.forEach((n) => {
    if (n.data('type') === 'topic') return;
    const g = groupOf(n);
    (by[g] = by[g] || []).push(n);
  });
  let x = 0;
  let width = 0;
  for (const g of GROUPS.filter((g) => by[g])) {
    const block = by[g].sort(
      (a, b) => (KIND_ORDER[a.data('kind')] ?? 3) - (KIND_ORDER[b.data('kind')] ?? 3) || (b.data('evidence') || 0) - (a.data('evidence') || 0),
    );
    const cols = Math.ceil(Math.sqrt(block.length));
    block.forEach((n, i) => {
      pos[n.id()] = { x: x + (i % cols) * COLUMN, y: SPACING * 2 + Math.floor(i / cols) * SPACING };
    });
    const id = `heading:${g}`;
    headings.push({ group: 'nodes', data: { id, type: 'heading', group: g, label: headingText(g, block) } });
    pos[id] = { x: x + ((cols - 1) * COLUMN) / 2, y: SPACING };
    width = x + (cols - 1) * COLUMN;
    x += cols * COLUMN + COLUMN;
  }
  const topics = nodes.filter((n) => n.data('type') === 'topic');
  topics.forEach((n, i) => {
    // a row higher than the headings, so that its wrapped label clears them
    pos[n.id()] = { x: width / 2 + (i - (topics.length - 1) / 2) * COLUMN * 2, y: -SPACING };
  });
  return { pos, headings };
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
    minZoom: 0.1,
    maxZoom: 4,
    boxSelectionEnabled: false,
    selectionType: 'single',
  });
  let layoutName = 'grouped';

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

  function relayout() {
    cy.edges().toggleClass('many', cy.edges().length > MANY_EDGES);
    cy.nodes('[type = "heading"]').remove();
    if (layoutName === 'grouped') {
      const { pos, headings } = groupedPositions(cy.nodes());
      cy.add(headings);
      cy.elements().layout({ name: 'preset', animate: false, padding: 30, positions: pos }).run();
    } else {
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
      const ids = new Set(nodes.map((n) => n.data.id));
      cy.batch(() => {
        cy.elements().remove();
        cy.add(nodes);
        cy.add(edges.filter((e) => ids.has(e.data.source) && ids.has(e.data.target)));
      });
      relayout();
    },
    /** merge adds the elements not drawn yet, re-lays out, and returns how many were added. */
    merge(elements) {
      const { nodes, edges } = normalise(elements);
      let added = 0;
      cy.batch(() => {
        const fresh = nodes.filter((n) => cy.getElementById(n.data.id).empty());
        added += cy.add(fresh).length;
        const freshEdges = edges.filter(
          (e) => cy.getElementById(e.data.id).empty() && !cy.getElementById(e.data.source).empty() && !cy.getElementById(e.data.target).empty(),
        );
        added += cy.add(freshEdges).length;
      });
      if (added > 0) relayout();
      return added;
    },
    relayout,
    /** setLayout switches between "grouped", "concentric" and "fcose" and re-lays out. */
    setLayout(name) {
      layoutName = ['grouped', 'concentric', 'fcose'].includes(name) ? name : 'grouped';
      relayout();
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
    /** stanceCounts counts the actors with an edge of each stance to the topic. */
    stanceCounts() {
      const counts = { support: 0, oppose: 0, cautious: 0 };
      cy.edges().forEach((e) => {
        const s = e.data('stance');
        if (s in counts) counts[s] += 1;
      });
      return counts;
    },
  };
}

// The side panel: everything behind a clicked actor, edge or topic, with
// each claim's quote, document, attribution and review buttons.

import { getJSON, postJSON } from './api.js';
import { attribution, byId, docLink, fill, h, isAbort, latest, moreLine, setStatus, stanceBadge } from './dom.js';

/** @typedef {import('openapi-types').components['schemas']} Schemas */

const KIND_TEXT = { person: 'Person', state: 'State', group: 'Group', topic: 'Topic' };
// The panel lists an actor's claims this many at a time; MAX_PAGE is the
// most the API gives at once.
const PAGE = 100;
const MAX_PAGE = 10000;
const STANCE_VERB = { support: 'supports', oppose: 'opposes', cautious: 'is cautious on' };
const STANCE_VERB_PLURAL = { support: 'support', oppose: 'oppose', cautious: 'are cautious on' };

/**
 * createPanel binds the panel's elements. onOpenActor(id) is called when the
 * user follows an affiliation or an edge's actor from inside the panel;
 * onActorsChanged(id) after a merge or split, with the actor to show;
 * topic() is the topic picked on the page, whose claims alone are shown.
 */
export function createPanel({ onOpenActor, onActorsChanged, topic }) {
  const root = byId('panel');
  const heading = byId('panel-heading');
  const status = byId('panel-status');
  const body = byId('panel-body');
  const claims = byId('panel-claims');
  const more = byId('panel-more');
  const next = latest();

  function begin(title, focus) {
    heading.textContent = title;
    fill(body);
    fill(claims);
    fill(more);
    if (focus) heading.focus();
  }

  /** fetchActor reads an actor with a page of its claims (in document order). */
  async function fetchActor(id, { offset = 0, limit = PAGE } = {}) {
    return /** @type {Promise<Schemas['ActorDetail']>} */ (
      getJSON(`/api/actors/${encodeURIComponent(id)}`, { params: { topic: topic(), limit, offset }, signal: next() })
    );
  }

  // showMore offers an actor's next page of claims, appended to the list.
  function showMore(id, shown, total) {
    fill(
      more,
      moreLine(shown, total, 'claims', PAGE, async () => {
        try {
          const d = await fetchActor(id, { offset: shown });
          const page = d.claims || [];
          claims.append(...page.map(claimItem));
          showMore(id, shown + page.length, d.claims_total);
        } catch (err) {
          if (!isAbort(err)) setStatus(root, status, 'error', err.message);
        }
      }),
    );
  }

  /**
   * @param {Schemas['Claim'][]} list
   * @param {string} emptyText
   */
  function renderClaims(list, emptyText) {
    if (!list.length) {
      fill(claims, h('li', { class: 'empty' }, emptyText));
      return;
    }
    fill(claims, list.map(claimItem));
  }

  return {
    /** showActor loads and shows one actor; focus moves to the panel when asked (keyboard use). */
    async showActor(id, { focus = false } = {}) {
      begin('Actor', focus);
      setStatus(root, status, 'loading');
      try {
        const d = await fetchActor(id);
        const a = d.actor;
        heading.textContent = a.name || id;
        fill(
          body,
          h('p', { class: 'kind' }, h('span', { class: `kind-chip kind-${safe(a.kind)}` }, KIND_TEXT[a.kind] || a.kind || 'Unknown kind')),
          a.aliases && a.aliases.length ? h('p', { class: 'aliases' }, h('span', { class: 'label' }, 'Also called: '), a.aliases.join(', ')) : null,
          stanceSummary(a.stances),
          timeline(d.claims || []),
          affiliations(d.affiliations || [], onOpenActor),
          identityTools(a, onActorsChanged),
          h('h3', { class: 'claims-heading' }, `Claims (${d.claims_total})`),
        );
        renderClaims(d.claims || [], 'No claims recorded for this actor.');
        showMore(id, (d.claims || []).length, d.claims_total);
        setStatus(root, status, 'idle');
      } catch (err) {
        if (isAbort(err)) return;
        setStatus(root, status, 'error', err.message);
      }
    },

    /** showEdge shows a stance edge's claims, an affiliation's two ends, or a camp's folded edges' counts. */
    async showEdge(edge, { focus = false } = {}) {
      const src = edge.source();
      const tgt = edge.target();
      const type = edge.data('type');
      if (type === 'AFFILIATED_WITH') {
        next(); // a pending actor load must not overwrite this
        begin('Affiliation', focus);
        const role = edge.data('role');
        fill(
          body,
          h('p', {}, src.data('label'), role ? ` — ${role} — ` : ' is affiliated with ', tgt.data('label')),
          h('p', { class: 'panel-actions' }, openButton(src, onOpenActor), ' ', openButton(tgt, onOpenActor)),
        );
        setStatus(root, status, 'idle');
        return;
      }
      if (type === 'bundle') {
        // a camp's stance edges folded into one: its counts, and where the claims are
        next();
        const n = edge.data('actors') || 0;
        const stance = edge.data('stance');
        begin(`${plural(n, 'actor')} ${n === 1 ? STANCE_VERB[stance] : STANCE_VERB_PLURAL[stance]} ${tgt.data('label')}`, focus);
        fill(
          body,
          h('p', {}, stanceBadge(stance), ` ${plural(edge.data('claims') || 0, 'claim')}`),
          h('p', {}, `From the camp “${src.data('label')}”.`),
          h('p', { class: 'hint' }, 'With this many actors each camp’s edges are drawn as one. Select an actor to read its claims, or pick the rings layout to draw every edge.'),
        );
        setStatus(root, status, 'idle');
        return;
      }
      const actor = src.data('type') === 'topic' ? tgt : src;
      const topic = actor === src ? tgt : src;
      const stance = edge.data('stance');
      begin(`${actor.data('label')} ${STANCE_VERB[stance] || stance} ${topic.data('label')}`, focus);
      fill(
        body,
        h('p', {}, stanceBadge(stance), ` ${plural(edge.data('claims') || 0, 'claim')} in ${plural(edge.data('documents') || 0, 'document')}`),
        h('p', { class: 'panel-actions' }, openButton(actor, onOpenActor)),
        h('h3', { class: 'claims-heading' }, 'Claims'),
      );
      setStatus(root, status, 'loading');
      try {
        // an edge's claims are among all of the actor's, not its first page
        const d = await fetchActor(actor.id(), { limit: MAX_PAGE });
        renderClaims((d.claims || []).filter((c) => c.stance === stance), 'No claims with this stance.');
        setStatus(root, status, 'idle');
      } catch (err) {
        if (isAbort(err)) return;
        setStatus(root, status, 'error', err.message);
      }
    },

    /** showTopic summarises the topic node from what the graph draws, then its claims' timeline. */
    async showTopic(node, counts, { focus = false } = {}) {
      const signal = next();
      begin(node.data('label'), focus);
      const summary = [
        h('p', {}, h('span', { class: 'kind-chip kind-topic' }, 'Topic')),
        h(
          'ul',
          { class: 'stance-summary' },
          Object.entries(counts).map(([s, n]) => h('li', {}, stanceBadge(s), ` ${plural(n, 'actor')} in this view`)),
        ),
        h('p', { class: 'hint' }, 'Select an actor or an edge to read its claims.'),
      ];
      fill(body, summary);
      setStatus(root, status, 'loading');
      try {
        const d = /** @type {Schemas['Timeline']} */ (await getJSON('/api/timeline', { params: { topic: node.id() }, signal }));
        fill(body, summary, timeline(d.claims || [], { withActor: true }));
        setStatus(root, status, 'idle');
      } catch (err) {
        if (isAbort(err)) return;
        setStatus(root, status, 'error', err.message);
      }
    },
  };
}

function plural(n, word) {
  return `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;
}

function safe(s) {
  return /^[a-z]+$/.test(String(s || '')) ? s : 'unknown';
}

function openButton(node, onOpenActor) {
  if (node.data('type') !== 'actor') return null;
  return h('button', { type: 'button', class: 'link-button', onclick: () => onOpenActor(node.id()) }, `Open ${node.data('label')}`);
}

/**
 * timeline lists claims by publication date, undated last, so a change of
 * position shows in order: an actor's, or with withActor a topic's, each
 * item naming its actor.
 * @param {Schemas['Claim'][]} list
 */
function timeline(list, { withActor = false } = {}) {
  const counted = list.filter((c) => c.review !== 'rejected');
  if (!counted.length) return null;
  const sorted = [...counted].sort((x, y) => {
    if (!x.published !== !y.published) return x.published ? -1 : 1;
    return String(x.published || '').localeCompare(String(y.published || ''));
  });
  return h(
    'section',
    { class: 'timeline', 'aria-label': 'Timeline' },
    h('h3', {}, 'Timeline'),
    h(
      'ol',
      { class: 'timeline-list' },
      sorted.map((c) =>
        h(
          'li',
          { class: 'timeline-item' },
          c.published ? h('time', { datetime: c.published }, c.published) : h('span', { class: 'undated' }, 'undated'),
          ' ',
          withActor ? h('span', { class: 'timeline-actor' }, c.actor, ' ') : null,
          stanceBadge(c.stance),
          ' ',
          docLink(c.doc, c.doc_title),
        ),
      ),
    ),
  );
}

/**
 * identityTools lets an analyst say that another actor is this one (merge)
 * or that one of its names is someone else (split); the server keeps the
 * decision across re-ingests. after(id) shows the actor that results.
 * @param {Schemas['Actor']} a
 * @param {(id: string) => void} after
 */
function identityTools(a, after) {
  if (!a.id) return null;
  const note = h('p', { class: 'identity-note', role: 'status' });
  const input = h('input', { type: 'text', class: 'merge-input', 'aria-label': `An actor that is ${a.name || a.id}`, placeholder: 'Name or id of the same actor' });
  async function act(button, path, body, next) {
    button.disabled = true;
    note.textContent = '';
    try {
      const r = await postJSON(path, body);
      after(next(r));
    } catch (err) {
      note.textContent = err.message;
    } finally {
      button.disabled = false;
    }
  }
  const merge = h('button', { type: 'button', class: 'merge-button' }, 'Merge into this actor');
  merge.addEventListener('click', () => {
    const other = input.value.trim();
    if (!other) {
      input.focus();
      return;
    }
    act(merge, '/api/actors/merge', { into: a.id, from: [other] }, () => a.id);
  });
  const aliases = Array.isArray(a.aliases) ? a.aliases : [];
  return h(
    'details',
    { class: 'identity' },
    h('summary', {}, 'Same or different actors?'),
    h('div', { class: 'merge-row' }, input, merge),
    aliases.length
      ? h(
          'ul',
          { class: 'split-list', 'aria-label': 'Names to split off' },
          aliases.map((alias) => {
            const split = h('button', { type: 'button', class: 'link-button split-button', 'data-alias': alias }, 'split off');
            split.addEventListener('click', () => act(split, '/api/actors/split', { actor: a.id, names: [alias] }, (r) => (r.actor && r.actor.id) || a.id));
            return h('li', {}, `${alias} `, split);
          }),
        )
      : null,
    note,
  );
}

/** @param {Schemas['StanceCount'][]} stances */
function stanceSummary(stances) {
  if (!Array.isArray(stances) || !stances.length) return null;
  return h(
    'ul',
    { class: 'stance-summary', 'aria-label': 'Stances' },
    stances.map((s) => h('li', {}, stanceBadge(s.stance), ` ${plural(s.claims, 'claim')} in ${plural(s.documents, 'document')}`)),
  );
}

/**
 * @param {Schemas['Affiliation'][]} list
 * @param {(id: string) => void} onOpenActor
 */
function affiliations(list, onOpenActor) {
  if (!list.length) return null;
  return h(
    'section',
    { class: 'affiliations' },
    h('h3', {}, 'Affiliations'),
    h(
      'ul',
      {},
      list.map((a) =>
        h(
          'li',
          { 'data-actor-id': a.id },
          h('button', { type: 'button', class: 'link-button', onclick: () => onOpenActor(a.id) }, a.name || a.id),
          ` (${KIND_TEXT[a.kind] || a.kind || 'unknown'})`,
          a.role ? ` — ${a.role}` : '',
        ),
      ),
    ),
  );
}

/**
 * claimItem renders one claim with its review buttons.
 * @param {Schemas['Claim']} c
 */
export function claimItem(c) {
  const li = h('li', { class: 'claim', 'data-claim-id': c.id });
  const review = h('span', { class: 'review-state' });
  const note = h('span', { class: 'review-note', role: 'status' });
  const confirm = h('button', { type: 'button', class: 'review-confirm', 'aria-label': 'Mark this claim confirmed' }, 'Confirm');
  const reject = h('button', { type: 'button', class: 'review-reject', 'aria-label': 'Mark this claim rejected' }, 'Reject');
  let current = c.review || '';

  function show() {
    confirm.setAttribute('aria-pressed', String(current === 'confirmed'));
    reject.setAttribute('aria-pressed', String(current === 'rejected'));
    review.textContent = current ? current : 'unreviewed';
    review.className = `review-state review-${current || 'none'}`;
    li.dataset.review = current;
  }

  async function mark(want) {
    // pressing the active button again clears the review
    const value = current === want ? '' : want;
    confirm.disabled = true;
    reject.disabled = true;
    note.textContent = 'Saving…';
    try {
      const res = /** @type {Schemas['ClaimResponse']} */ (await postJSON(`/api/claims/${encodeURIComponent(c.id)}/review`, { review: value }));
      current = (res && res.claim && typeof res.claim.review === 'string') ? res.claim.review : value;
      note.textContent = 'Saved.';
      show();
    } catch (err) {
      note.textContent = err.message;
    } finally {
      confirm.disabled = false;
      reject.disabled = false;
    }
  }
  confirm.addEventListener('click', () => mark('confirmed'));
  reject.addEventListener('click', () => mark('rejected'));

  const conf = Number(c.confidence);
  fill(
    li,
    h('div', { class: 'claim-head' }, stanceBadge(c.stance), c.actor ? h('span', { class: 'claim-actor' }, c.actor) : null, review),
    h('blockquote', { class: 'quote' }, c.quote || ''),
    h(
      'p',
      { class: 'claim-meta' },
      docLink(c.doc, c.doc_title),
      c.published ? ` · ${c.published}` : '',
      ' · ',
      attribution(c.attribution),
      Number.isFinite(conf) ? ` · confidence ${Math.round(conf * 100)}%` : '',
      c.cue ? ` · cue “${c.cue}”` : '',
    ),
    h('div', { class: 'review', role: 'group', 'aria-label': 'Review' }, confirm, reject, note),
  );
  show();
  return li;
}

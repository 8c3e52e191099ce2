// The options page's site rules: where the article is on a site, and what else to take out.
// The background checks every selector with the core (what lol_html accepts is what the
// extraction will use) and the messages name the field and line that need changing.

import { ext } from '../shared/api.js';
import { ask } from './background.js';

const form = document.getElementById('rule-form');
const pattern = document.getElementById('rule-pattern');
const content = document.getElementById('rule-content');
const remove = document.getElementById('rule-remove');
const cancel = document.getElementById('rule-cancel');
const error = document.getElementById('rule-error');
const list = document.getElementById('rule-list');

// The pattern of the rule being edited, so a changed pattern replaces it.
let editing = null;

/** The background's field names, as the form's labels say them. */
function readable(problem, lines) {
  return problem
    .replace(/^pattern:/, 'Site:')
    .replace(/^content /, 'Article: ')
    .replace(/^remove\[(\d+)\]/, (_, i) => `Also remove, line ${lines[Number(i)] ?? Number(i) + 1}:`)
    .replace(/^the rule says nothing/, 'The rule says nothing');
}

function edit(rule) {
  editing = rule?.pattern ?? null;
  pattern.value = rule?.pattern ?? '';
  content.value = rule?.content ?? '';
  remove.value = (rule?.remove ?? []).join('\n');
  cancel.hidden = !rule;
  error.textContent = '';
  if (rule) pattern.focus();
}

function button(label, name, onClick) {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'qp-button qp-bordered';
  b.textContent = label;
  b.setAttribute('aria-label', `${label} the rule for ${name}`);
  b.addEventListener('click', onClick);
  return b;
}

function item(rule) {
  const li = document.createElement('li');
  const name = document.createElement('span');
  name.className = 'qp-pattern';
  name.textContent = rule.pattern;
  const what = document.createElement('span');
  what.className = 'qp-hint';
  what.textContent = [
    rule.content ? `article: ${rule.content}` : '',
    rule.remove.length ? `remove: ${rule.remove.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join('; ');
  li.append(
    name,
    what,
    button('Edit', rule.pattern, () => edit(rule)),
    button('Remove', rule.pattern, () => {
      ask('rules:remove', { pattern: rule.pattern }).then(refresh, (e) => {
        error.textContent = e.message;
      });
    }),
  );
  return li;
}

async function refresh() {
  const rules = await ask('rules:list');
  list.replaceChildren(...rules.map(item));
}

form.addEventListener('submit', (e) => {
  e.preventDefault();
  // Blank lines are dropped; each selector keeps its line number for the messages.
  const lines = [];
  const selectors = [];
  remove.value.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    lines.push(i + 1);
    selectors.push(line.trim());
  });
  const rule = { pattern: pattern.value, content: content.value.trim() || null, remove: selectors };
  ask('rules:set', { rule, replaces: editing }).then(
    () => {
      edit(null);
      return refresh();
    },
    (err) => {
      error.textContent = `The rule was not saved:\n${err.message
        .split('\n')
        .map((p) => readable(p, lines))
        .join('\n')}`;
    },
  );
});

cancel.addEventListener('click', () => edit(null));

// Rules change elsewhere too: an import, another device.
ext.storage.onChanged.addListener((changes, area) => {
  if (area === 'sync' && changes.rules) refresh().catch(() => {});
});

refresh().catch((e) => {
  error.textContent = e.message;
});

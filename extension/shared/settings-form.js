// The reading-settings controls, built with DOM calls (no HTML strings) so the reading view's
// panel and the options page show the same form. Every change is saved at once; the storage
// change event then re-applies the settings everywhere, this page included.

import { DEFAULTS, FONTS, RANGES, THEMES, load, normalize, onChanged, save } from './settings.js';

// storage.sync allows about two writes a second (120 a minute), and a dragged slider fires
// `input` far more often: changes are applied on the spot and saved once the hand rests.
const SAVE_DELAY_MS = 350;
// A save refused (sync storage full or turned off, the write quota spent) is tried again
// after this long, and with every later change; until then the form says so.
const RETRY_MS = 5000;

const LABELS = {
  theme: { system: 'System', light: 'Light', sepia: 'Sepia', dark: 'Dark' },
  font: { serif: 'Serif', sans: 'Sans-serif' },
  fontSize: 'Text size',
  lineWidth: 'Line width',
  lineHeight: 'Line spacing',
};

let uid = 0;

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'class') node.className = v;
    else if (k in node && typeof v !== 'string') node[k] = v;
    else node.setAttribute(k, v);
  }
  node.append(...children);
  return node;
}

function radioGroup(name, legend, values) {
  const set = el('fieldset', { class: `qp-field qp-field-${name}` }, el('legend', {}, legend));
  const row = el('div', { class: 'qp-choices' });
  for (const value of values) {
    const id = `qp-${name}-${value}-${++uid}`;
    row.append(
      el('input', { type: 'radio', name, value, id }),
      el('label', { for: id, class: `qp-choice qp-choice-${value}` }, LABELS[name][value]),
    );
  }
  set.append(row);
  return set;
}

function range(name) {
  const r = RANGES[name];
  const id = `qp-${name}-${++uid}`;
  const output = el('output', { for: id, class: 'qp-value' });
  const input = el('input', {
    type: 'range',
    name,
    id,
    min: String(r.min),
    max: String(r.max),
    step: String(r.step),
  });
  return el(
    'div',
    { class: `qp-field qp-field-${name}` },
    el('label', { for: id }, LABELS[name]),
    input,
    output,
  );
}

function show(form, settings) {
  for (const name of ['theme', 'font']) {
    for (const radio of form.querySelectorAll(`input[name="${name}"]`)) {
      radio.checked = radio.value === settings[name];
    }
  }
  for (const [name, r] of Object.entries(RANGES)) {
    const input = form.elements.namedItem(name);
    input.value = String(settings[name]);
    const shown = r.unit === 'px' ? `${settings[name]}px` : r.unit === 'em' ? `${settings[name]}em` : `${settings[name]}`;
    input.setAttribute('aria-valuetext', shown);
    input.parentElement.querySelector('output').textContent = shown;
  }
}

/**
 * Builds the settings form inside `container` and keeps it in sync with storage.
 * `onApply(settings)` is called with the current settings at start and after every change.
 */
export async function mountSettingsForm(container, onApply = () => {}) {
  const form = el('form', { class: 'qp-settings-form' });
  form.addEventListener('submit', (e) => e.preventDefault());
  form.append(
    radioGroup('theme', 'Theme', THEMES),
    radioGroup('font', 'Font', FONTS),
    range('fontSize'),
    range('lineWidth'),
    range('lineHeight'),
    el('button', { type: 'button', class: 'qp-reset' }, 'Reset to defaults'),
  );
  const status = el('p', { class: 'qp-settings-status', role: 'status' });
  form.append(status);
  container.replaceChildren(form);

  let current = await load();
  show(form, current);
  onApply(current);

  let pending = null;
  let timer = 0;
  const flush = () => {
    clearTimeout(timer);
    if (!pending) return;
    const changes = pending;
    pending = null;
    save(changes).then(
      () => {
        status.textContent = '';
      },
      (e) => {
        // Nothing is lost: the choice stays applied here and goes with the next attempt,
        // under any change made since.
        pending = { ...changes, ...pending };
        clearTimeout(timer);
        timer = setTimeout(flush, RETRY_MS);
        status.textContent = `Not saved yet (${e?.message ?? e}); it applies here and will be tried again.`;
      },
    );
  };
  const change = (changes, delay) => {
    current = normalize({ ...current, ...changes });
    show(form, current);
    onApply(current);
    pending = { ...pending, ...changes };
    clearTimeout(timer);
    timer = setTimeout(flush, delay);
  };

  form.addEventListener('input', (e) => {
    const { name, value } = e.target;
    if (!name) return;
    change({ [name]: RANGES[name] ? Number(value) : value }, SAVE_DELAY_MS);
  });
  // `change` marks the end of a drag or a radio pick: nothing more is coming, save now.
  form.addEventListener('change', flush);
  form.querySelector('.qp-reset').addEventListener('click', () => change({ ...DEFAULTS }, 0));
  // Closing the view or the options page must not lose the last change.
  addEventListener('pagehide', flush);

  onChanged((settings) => {
    // Another tab or device changed them; ours, still unsaved, would win on the next flush.
    if (pending) return;
    current = settings;
    show(form, current);
    onApply(current);
  });
  return form;
}

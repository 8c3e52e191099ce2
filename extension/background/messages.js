// Which runtime messages the background takes, from which of our contexts, in which shape.
//
// The background holds the extension's privileges and every page is hostile. Pages cannot
// message the extension at all (the manifest has no externally_connectable), and other
// extensions' messages go to onMessageExternal, which nothing here listens to. What remains
// are our own contexts that sit inside a page's tab: the content script (top frame of the
// tab) and the reading view (reader.html, web-accessible, so any page may frame it with any
// hash). Each may send only its own message types, with exactly their fields; the session
// check (a token that belongs to a live view in the sender's own tab) comes after this, in
// sessions.js. Anything else gets an error back and changes nothing.
//
// No browser API here, so that Node tests can check it directly.

/** The export formats a view may ask for (the Rust core's exporters). */
export const FORMATS = ['md', 'html', 'txt', 'epub'];

const isToken = (v) => typeof v === 'string' && /^[0-9a-f]{32}$/.test(v);
// What a user types for a site pattern, or a settings file (sites.js checks what is in them).
const isPattern = (v) => typeof v === 'string' && v.length <= 300;
const isFileText = (v) => typeof v === 'string' && v.length <= 1024 * 1024;
const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

/** type → the context that sends it and a check for each field besides `type`. */
const MESSAGES = {
  'reader:hello': { from: 'reader', fields: { token: isToken } },
  'reader:shown': { from: 'reader', fields: { token: isToken } },
  'reader:close': { from: 'reader', fields: { token: isToken } },
  'reader:export': {
    from: 'reader',
    fields: {
      token: isToken,
      action: (v) => v === 'copy' || v === 'download',
      format: (v) => FORMATS.includes(v),
    },
  },
  // The view closed from inside the page (Esc on the dialog, the page removed it).
  'qp:closed': { from: 'content', fields: { token: isToken } },
  // Always clean this site (sites.js): a listed page has rendered or moved to another address
  // (content/auto.js); the view's site button; the options page's sites, rules and file.
  'auto:ready': { from: 'content', fields: {} },
  'reader:site': { from: 'reader', fields: { token: isToken } },
  'reader:add-site': { from: 'reader', fields: { token: isToken } },
  'reader:pause-site': { from: 'reader', fields: { token: isToken } },
  'sites:list': { from: 'settings', fields: {} },
  'sites:add': { from: 'settings', fields: { pattern: isPattern } },
  'sites:remove': { from: 'settings', fields: { pattern: isPattern } },
  'rules:list': { from: 'settings', fields: {} },
  'rules:set': { from: 'settings', fields: { rule: isObject, replaces: (v) => v === null || isPattern(v) } },
  'rules:remove': { from: 'settings', fields: { pattern: isPattern } },
  'settings:export': { from: 'settings', fields: {} },
  'settings:import': { from: 'settings', fields: { text: isFileText } },
};

/** The message types a context may send (for handler tables to check themselves against). */
export function typesFrom(context) {
  return Object.keys(MESSAGES).filter((type) => MESSAGES[type].from === context);
}

/**
 * Which of our contexts `sender` is: 'reader' (reader.html framed in a tab), 'content' (the
 * top frame of a web page's tab, where our content script runs), 'settings' (the options
 * page, a tab of its own: it is not web-accessible, so no page can frame it) or null. `self`
 * is `{ id, origin, readerPage, optionsPage }`: the extension's id, its base URL and the
 * URLs of reader.html and options.html.
 */
export function senderContext(sender, self) {
  if (!sender || sender.id !== self.id || !sender.tab || !Number.isInteger(sender.frameId)) return null;
  const url = typeof sender.url === 'string' ? sender.url : '';
  // The view is always a child frame; reader.html loaded on its own (or with a query) is not it.
  if (url.split('#')[0] === self.readerPage) return sender.frameId > 0 ? 'reader' : null;
  if (url.split('#')[0] === self.optionsPage) return sender.frameId === 0 ? 'settings' : null;
  if (sender.frameId === 0 && url !== '' && !url.startsWith(self.origin)) return 'content';
  return null;
}

/**
 * Whether to act on `msg` from `sender`: `{ ok: true, context, type }`, or
 * `{ ok: false, error }` saying why not.
 */
export function checkMessage(msg, sender, self) {
  const context = senderContext(sender, self);
  if (!context) return { ok: false, error: 'refused: not from a Quiet Page view, content script or options page' };
  if (msg === null || typeof msg !== 'object' || Array.isArray(msg) || typeof msg.type !== 'string') {
    return { ok: false, error: 'refused: a message is an object with a type' };
  }
  const { type } = msg;
  const spec = Object.hasOwn(MESSAGES, type) ? MESSAGES[type] : null;
  if (!spec) return { ok: false, error: 'refused: unknown message type' };
  if (spec.from !== context) return { ok: false, error: `refused: ${type} from a ${context} context` };
  for (const key of Object.keys(msg)) {
    if (key !== 'type' && !Object.hasOwn(spec.fields, key)) return { ok: false, error: `refused: ${type} has no field ${key}` };
  }
  for (const [key, valid] of Object.entries(spec.fields)) {
    if (!Object.hasOwn(msg, key) || !valid(msg[key])) return { ok: false, error: `refused: ${type} with a bad ${key}` };
  }
  return { ok: true, context, type };
}

// The WebExtension namespace for this browser. Firefox's `browser.*` and Chrome's MV3
// `chrome.*` both return promises, so the rest of the code uses whichever exists and never
// passes callbacks.
export const ext = globalThis.browser ?? globalThis.chrome;

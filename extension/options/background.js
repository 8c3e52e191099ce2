// The options page's one way to the background: a message, and the reply unwrapped. Changes
// to sites and rules go through the background, so its checks (the core's selector check
// among them) hold for every way in.

import { ext } from '../shared/api.js';

export async function ask(type, payload = {}) {
  const reply = await ext.runtime.sendMessage({ ...payload, type });
  if (!reply?.ok) throw new Error(reply?.error || 'Quiet Page did not answer');
  return reply.value;
}

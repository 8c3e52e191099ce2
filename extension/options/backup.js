// Import and export of all settings as one JSON file. The background reads and checks the
// file; a file with anything wrong changes nothing, and the message lists each problem.

import { ask } from './background.js';

const status = document.getElementById('backup-status');
const file = document.getElementById('import-file');

function say(lines) {
  const list = document.createElement('ul');
  for (const line of lines.slice(1)) {
    const li = document.createElement('li');
    li.textContent = line;
    list.append(li);
  }
  const head = document.createElement('p');
  head.textContent = lines[0];
  status.replaceChildren(head, ...(lines.length > 1 ? [list] : []));
}

document.getElementById('export-button').addEventListener('click', async () => {
  try {
    const text = await ask('settings:export');
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'quietpage-settings.json';
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    say(['Settings exported to quietpage-settings.json.']);
  } catch (e) {
    say([`Not exported: ${e.message}`]);
  }
});

document.getElementById('import-button').addEventListener('click', () => file.click());

file.addEventListener('change', async () => {
  const chosen = file.files[0];
  file.value = '';
  if (!chosen) return;
  try {
    const needAccess = await ask('settings:import', { text: await chosen.text() });
    say(
      needAccess.length
        ? [`Settings imported from ${chosen.name}. Allow these sites in the list above to clean them here:`, ...needAccess]
        : [`Settings imported from ${chosen.name}.`],
    );
  } catch (e) {
    say([`Nothing was imported from ${chosen.name}; your settings are as they were. The file has these problems:`, ...e.message.split('\n')]);
  }
});

// The options page: one module per section (reading settings, sites, site rules, import and
// export). Changes to sites and rules go through the background, which checks them.

import { apply } from '../shared/settings.js';
import { mountSettingsForm } from '../shared/settings-form.js';
import './sites.js';
import './rules.js';
import './backup.js';

mountSettingsForm(document.getElementById('reading-settings'), (settings) => apply(settings));

// The options page. For now it holds the reading settings (the same form as the view's
// Appearance panel); per-site rules will get their own section here.

import { apply } from '../shared/settings.js';
import { mountSettingsForm } from '../shared/settings-form.js';

mountSettingsForm(document.getElementById('reading-settings'), (settings) => apply(settings));

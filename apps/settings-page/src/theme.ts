import type { Theme } from './api/views';

const KEY = 'settings.theme';

/** Applies a theme to the whole page at once; `system` follows the operating system. */
export function applyTheme(theme: Theme) {
  document.documentElement.dataset.theme = theme;
  localStorage.setItem(KEY, theme);
}

/** The last theme used on this device, applied before the server answers (no flash). */
export function rememberedTheme(): Theme {
  const stored = localStorage.getItem(KEY);
  return stored === 'light' || stored === 'dark' ? stored : 'system';
}

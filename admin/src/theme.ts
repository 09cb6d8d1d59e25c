// The staff SPA's theme: react-admin's light theme with darker blues, so text on the app bar, links and text buttons
// reaches WCAG AA contrast (4.5:1) on white, the page background and the grey toolbars (axe: color-contrast).
import { defaultLightTheme, type RaThemeOptions } from 'react-admin';
import { i18nProvider } from './i18n/index.ts';

/** #1565c0 on white 5.8:1, on #fafafb 5.6:1, on #f0f0f0 5.1:1; white on #0d47a1 (the app bar) 8.6:1. */
export const amonTheme: RaThemeOptions = {
  ...defaultLightTheme,
  palette: {
    ...defaultLightTheme.palette,
    primary: { light: '#5e92f3', main: '#1565c0', dark: '#003c8f', contrastText: '#fff' },
    secondary: { light: '#5472d3', main: '#0d47a1', dark: '#002171', contrastText: '#fff' },
    // MUI's orange (#ed6c02) gives white text 3.1 : 1; this one gives 5.0 : 1 (WCAG AA) on warning chips and buttons.
    warning: { light: '#ff9800', main: '#b45309', dark: '#7c2d12', contrastText: '#fff' },
    // MUI's red (#d32f2f) gives 4.98 : 1 on white but under 4.5 : 1 on the grey form rows (axe found a remove button
    // in the case's programme form); this one gives 6.6 : 1 on white and 5.8 : 1 on #f0f0f0.
    error: { light: '#ef5350', main: '#b71c1c', dark: '#7f0000', contrastText: '#fff' },
    // MUI's light blue (#0288d1) gives white text 3.9 : 1; this one 4.8 : 1.
    info: { light: '#03a9f4', main: '#0277bd', dark: '#01579b', contrastText: '#fff' },
  },
  components: {
    ...defaultLightTheme.components,
    // Every spinner has a name (axe: aria-progressbar-name), react-admin's SaveButton's while it saves too.
    MuiCircularProgress: { defaultProps: { 'aria-label': i18nProvider.translate('amon.table.loading') } },
    // The "page not found" text is grey at half opacity by default: with opacity 1 it reads 8.6:1 (axe found the h1).
    RaNotFound: { styleOverrides: { root: { '& .RaNotFound-message': { color: 'rgba(0, 0, 0, 0.72)', opacity: 1 } } } },
    // "Laden … Bitte warten" while the app starts is text.disabled by default, 2.7:1 (axe found it on a page opened
    // afresh); text.secondary reads 5.7:1.
    RaLoading: { styleOverrides: { root: { '& .RaLoading-message': { color: 'rgba(0, 0, 0, 0.6)' } } } },
  },
};

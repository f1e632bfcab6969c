/** Colours and spacing: Bluezone's blue, with contrast of at least 4.5:1 for body text on each background. */
export const colors = {
  primary: '#0a5cb8',
  primaryText: '#ffffff',
  text: '#1b2430',
  muted: '#4b5868',
  background: '#f4f7fb',
  surface: '#ffffff',
  border: '#d5dde8',
  ok: '#1e7a3c',
  okBackground: '#e6f4ea',
  warn: '#8a5a00',
  warnBackground: '#fff4d6',
  danger: '#b3261e',
  dangerBackground: '#fde8e6',
};

export const space = { xs: 4, s: 8, m: 16, l: 24, xl: 32 };
export const radius = 10;

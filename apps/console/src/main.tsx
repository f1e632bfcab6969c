import './styles.css';

/**
 * Two applications share this address. The public declaration pages (`/khai-bao`) are opened by citizens on cheap
 * phones and slow connections, often from a QR code on a poster: they load only the form and what it needs. Every
 * other page is the officials' console, with its router, query cache and screens, loaded only there.
 */
const PUBLIC_PAGES = /^\/khai-bao(\/|$)/;

if (PUBLIC_PAGES.test(window.location.pathname)) await import('./public/public-main.js');
else await import('./console-main.js');

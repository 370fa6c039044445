// The portal's icon (a white cross on the brand's green), given inside every page as a data: URL
// rather than as a file: a browser asked the server for /icon.svg again on each page view (Next.js
// serves it with max-age=0, 2–2.5 ms of the server's CPU), and for /favicon.ico on the public
// idea pages, which had none (a 404 page, 7 ms). Issue 21.
const SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#185a42"/><path d="M9 16h14M16 9v14" stroke="#fff" stroke-width="4" stroke-linecap="round"/></svg>';

export const ICON_URL = `data:image/svg+xml,${encodeURIComponent(SVG)}`;

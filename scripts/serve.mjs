// Serves the production build (dist/) on 127.0.0.1 with Vite's preview server, service worker included.
// `npm start` builds first. PORT=8080 npm start to choose the port.
import { preview } from 'vite';

const port = Number(process.env.PORT ?? 4173);
const server = await preview({ preview: { host: '127.0.0.1', port, strictPort: false, open: false } });
const address = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${port}/`;
console.log(`Readiness Workbook is running at ${address}  (Ctrl+C to stop)`);

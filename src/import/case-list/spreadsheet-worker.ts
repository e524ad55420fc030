/*
 * Runs in a Web Worker: reads the first sheet of an untrusted spreadsheet into rows of plain values.
 * The xlsx parser has known advisories (prototype pollution, ReDoS), so it never runs on the page;
 * the page terminates this worker after a time limit and re-checks everything it sends back.
 */
import { readSpreadsheetRows, type Reply } from './spreadsheet-rows';

self.onmessage = (event: MessageEvent<Uint8Array>) => {
  let reply: Reply;
  try {
    reply = readSpreadsheetRows(event.data);
  } catch (error) {
    reply = {
      ok: false,
      problem: `it is not a spreadsheet this import can read (${error instanceof Error ? error.message : 'unknown error'})`,
    };
  }
  self.postMessage(reply);
};

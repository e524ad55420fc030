// @ts-check
/*
 * One line per event: time, level, event name, then key=value fields. Callers pass unit names, byte
 * sizes, user ids and error codes only; never document content, display names, e-mail addresses or
 * cookies. That rule is why there is no "log this object" helper.
 */

/** @typedef {Record<string, string | number | boolean | undefined>} LogFields */
/**
 * @typedef {object} Log
 * @property {(event: string, fields?: LogFields) => void} info
 * @property {(event: string, fields?: LogFields) => void} warn
 * @property {(event: string, fields?: LogFields) => void} error
 */

/**
 * @param {{ write: (line: string) => unknown }} [out]
 * @returns {Log}
 */
export function createLog(out = process.stdout) {
  /** @param {string} level @param {string} event @param {LogFields} fields */
  const line = (level, event, fields) => {
    const parts = [new Date().toISOString(), level, event];
    for (const [key, value] of Object.entries(fields)) {
      if (value === undefined) continue;
      const text = String(value);
      parts.push(`${key}=${/^[\w.:@/+-]+$/.test(text) ? text : JSON.stringify(text)}`);
    }
    out.write(`${parts.join(' ')}\n`);
  };
  return {
    info: (event, fields = {}) => line('info', event, fields),
    warn: (event, fields = {}) => line('warn', event, fields),
    error: (event, fields = {}) => line('error', event, fields),
  };
}

/**
 * What may be logged about an error: its code and its class, not its message, which may quote data.
 * @param {unknown} error
 */
export function errorCode(error) {
  if (error && typeof error === 'object') {
    const code = /** @type {{ code?: unknown }} */ (error).code;
    if (typeof code === 'string' || typeof code === 'number') return String(code);
    return error.constructor?.name ?? 'Error';
  }
  return typeof error;
}

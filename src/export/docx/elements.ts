/*
 * The pieces of docx’s formatted element tree that the contents field writes directly:
 * `{ name: [children] }`, with attributes as an `_attr` child, as docx's own components make them.
 */
import type { IXmlableObject } from 'docx';

export type Element = IXmlableObject;

export const attributes = (values: Record<string, string | number | boolean>) => ({ _attr: values });
/** An element with neither attributes nor children, such as `<w:b/>`. */
export const EMPTY = {};
/** On every `w:t`, as docx writes it, so spaces at either end of a text are kept. */
export const PRESERVE = attributes({ 'xml:space': 'preserve' });

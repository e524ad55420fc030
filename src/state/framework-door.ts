/*
 * The framework import door, loaded on demand: it carries the precompiled validators, which are most
 * of the app's code by size and are not needed to draw the first screen.
 */
export { readFrameworkFile } from '../import/framework/import-framework';
export { loadShippedFrameworks } from '../import/framework/shipped';

/*
 * The framework import door, loaded on demand: it carries the precompiled validators, which are most
 * of the app's code by size and are not needed to draw the first screen.
 */
export { readFrameworkFile } from '../import/framework/import-framework';
export { loadShippedFrameworks } from '../import/framework/shipped';
export { checkAgainstLibrary } from '../import/framework/library-conflicts';
export { frameworkNamer } from '../import/framework/name-context';
export { describeIssue } from '../validation/messages';

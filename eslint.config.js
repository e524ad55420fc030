import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/** Folder boundaries (design.md §2): the domain is pure, the UI never reaches storage. */
const noAjvCompiler = {
  group: ['ajv', 'ajv/dist/2020', 'ajv/dist/2020.js', 'ajv/dist/standalone*'],
  message: 'The ajv compiler needs new Function, which our CSP forbids: use src/validation/generated.',
  allowTypeImports: true,
};
const uiReachesDataThroughState = {
  group: ['dexie', '**/storage/**'],
  message: 'The UI reaches data through src/state only.',
};
/** The team server runs in Node only; the app's own code never reaches into it. */
const noTeamServer = {
  group: [
    '**/server/**',
    '@hocuspocus/server',
    '@hocuspocus/extension-database',
    'pg',
    'openid-client',
    'oidc-provider',
  ],
  message: 'src/server is the Node team server: the app talks to it over HTTP and /sync only.',
};
const UI_FEATURES = [
  'home',
  'self-assessment',
  'registers',
  'scorecard',
  'case-audits',
  'rehearsal',
  'frameworks',
  'settings',
];
const boundaries = {
  'src/**': [],
  'src/domain/**': [
    {
      group: [
        'svelte',
        'svelte/*',
        'dexie',
        'jspdf',
        'jspdf-autotable',
        'docx',
        'xlsx',
        'xlsx/*',
        '**/storage/**',
        '**/state/**',
        '**/ui/**',
        '**/export/**',
        '**/import/**',
        '**/validation/**',
      ],
      message: 'src/domain is pure: no framework, storage, UI or file libraries.',
    },
    noTeamServer,
  ],
  'src/state/**': [noTeamServer],
  'src/ui/**': [uiReachesDataThroughState, noTeamServer],
  // Shared building blocks know no feature: a feature folder uses them, never the other way round.
  'src/ui/{common,shell}/**': [
    uiReachesDataThroughState,
    noTeamServer,
    {
      group: UI_FEATURES.map((feature) => `**/ui/${feature}/**`).concat(UI_FEATURES.map((f) => `../${f}/**`)),
      message: 'src/ui/common and src/ui/shell are shared by every feature and import none of them.',
    },
  ],
  'src/server/**': [
    {
      group: ['svelte', 'svelte/*', 'dexie', '**/storage/**', '**/state/**', '**/ui/**'],
      message: 'The team server runs in Node: no Svelte, Dexie, app state or UI.',
    },
  ],
  'src/{import,validation,export}/**': [
    {
      group: ['svelte', 'svelte/*', 'dexie', '**/storage/**', '**/state/**', '**/ui/**'],
      message: 'Import, validation and export code is independent of storage and UI.',
    },
  ],
};

export default ts.config(
  {
    ignores: [
      'dist/',
      'dev-dist/',
      'node_modules/',
      'src/validation/generated/',
      'coverage/',
      'test-results/',
    ],
  },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
      'svelte/no-at-html-tags': 'error',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: {
        projectService: true,
        extraFileExtensions: ['.svelte'],
        parser: ts.parser,
        svelteConfig,
      },
    },
  },
  // Later entries win for the same rule, so each folder's entry repeats the app-wide ajv ban.
  ...Object.entries(boundaries).map(([glob, patterns]) => ({
    files: [glob],
    rules: { 'no-restricted-imports': ['error', { patterns: [noAjvCompiler, ...patterns] }] },
  })),
  { files: ['scripts/**', 'tests/**', 'bench/**'], rules: { 'no-console': 'off' } },
);

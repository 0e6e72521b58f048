// @ts-check
import eslint from '@eslint/js'
import astro from 'eslint-plugin-astro'
import boundaries from 'eslint-plugin-boundaries'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/**
 * The folders of the house and the one direction of imports between them (docs/architecture.md):
 * scripts may import anything; cms and site import content and the MPP contract; the sandbox
 * imports the contract and content; nothing imports scripts; cms and site never import each other.
 */
const elements = [
  { type: 'scripts', pattern: 'scripts' },
  { type: 'cms', pattern: 'cms' },
  { type: 'site', pattern: 'site' },
  { type: 'contract', pattern: 'mpp/contract' },
  { type: 'sandbox', pattern: 'mpp/sandbox' },
  { type: 'content', pattern: 'content' },
  { type: 'tests', pattern: 'tests' },
]

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      '.data/',
      '.astro/',
      'cms/.next/',
      'cms/payload-types.ts',
      'cms/migrations/',
      'cms/app/(payload)/admin/importMap.js',
      'cms/next-env.d.ts',
      'bench/results/',
      'tests/fixtures/lint/',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-empty': ['error', { allowEmptyCatch: false }],
      // Input sanitisers match control characters on purpose (cleanQuery, paths, link schemes).
      'no-control-regex': 'off',
    },
  },
  {
    files: ['site/src/islands/**/*.tsx', 'cms/components/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    // The classic rules; the React Compiler's set-state-in-effect would flag every island's
    // "loading" state set before its fetch, which is the pattern the islands are built on.
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    // Tests read answers of many shapes and assert on them field by field.
    files: ['tests/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mjs', '**/*.astro'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': elements,
      'boundaries/include': ['scripts/**', 'cms/**', 'site/**', 'mpp/**', 'content/**', 'tests/**'],
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.mjs', '.js', '.astro'] } },
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          message: '{{from.type}} must not import {{to.type}}: imports go one way (docs/architecture.md)',
          policies: [
            {
              from: { element: { type: 'scripts' } },
              allow: { to: { element: { types: { anyOf: ['scripts', 'cms', 'site', 'contract', 'sandbox', 'content'] } } } },
            },
            { from: { element: { type: 'cms' } }, allow: { to: { element: { types: { anyOf: ['cms', 'content', 'contract'] } } } } },
            { from: { element: { type: 'site' } }, allow: { to: { element: { types: { anyOf: ['site', 'content', 'contract'] } } } } },
            {
              from: { element: { type: 'sandbox' } },
              allow: { to: { element: { types: { anyOf: ['sandbox', 'contract', 'content'] } } } },
            },
            { from: { element: { type: 'contract' } }, allow: { to: { element: { types: { anyOf: ['contract', 'content'] } } } } },
            { from: { element: { type: 'content' } }, allow: { to: { element: { types: { anyOf: ['content'] } } } } },
            {
              from: { element: { type: 'tests' } },
              allow: { to: { element: { types: { anyOf: ['tests', 'scripts', 'cms', 'site', 'contract', 'sandbox', 'content'] } } } },
            },
          ],
        },
      ],
    },
  },
)

import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import tseslint from 'typescript-eslint';

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      'node_modules/**',
      '.next/**',
      '.next-sandbox/**',
      'next-env.d.ts',
      'fhir-profiles/**/*.json',
      'tests/e2e/.results/**',
    ],
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      eqeqeq: ['error', 'always'],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['lib/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'react', message: 'lib/ is framework-free.' },
            { name: 'swr', message: 'lib/ is framework-free.' },
            { name: 'fhirclient', message: 'Only lib/smart may import fhirclient.' },
          ],
          patterns: [
            { group: ['next', 'next/*'], message: 'lib/ is framework-free.' },
            { group: ['fhirclient/*'], message: 'Only lib/smart may import fhirclient.' },
          ],
        },
      ],
    },
  },
  {
    files: ['lib/smart/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'react', message: 'lib/ is framework-free.' },
            { name: 'swr', message: 'lib/ is framework-free.' },
          ],
          patterns: [{ group: ['next', 'next/*'], message: 'lib/ is framework-free.' }],
        },
      ],
    },
  },
  {
    files: ['lib/cli/**/*', 'tests/**/*.mjs', '.ci/**/*'],
    rules: { 'no-console': 'off' },
  },
];

export default config;

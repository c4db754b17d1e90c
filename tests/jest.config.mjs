import nextJest from 'next/jest.js';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const createJestConfig = nextJest({ dir: root });

/** @type {import('jest').Config} */
const config = {
  rootDir: root,
  // Only these folders are crawled (fhir-profiles/.fhir-cache holds ~140 MB of FHIR packages).
  roots: ['<rootDir>/tests', '<rootDir>/lib', '<rootDir>/app'],
  testEnvironment: 'node',
  setupFilesAfterEnv: ['<rootDir>/tests/setup.ts'],
  moduleNameMapper: {
    '^@/(.*)$': '<rootDir>/$1',
    // The app only calls fhirclient in the browser; tests load the same browser entry the bundle uses.
    '^fhirclient$': '<rootDir>/node_modules/fhirclient/lib/entry/browser.js',
  },
  testMatch: [
    '<rootDir>/tests/unit/**/*.test.ts?(x)',
    '<rootDir>/tests/integration/**/*.test.ts?(x)',
  ],
  testPathIgnorePatterns: [
    '/node_modules/',
    '<rootDir>/tests/e2e/',
    '<rootDir>/.next',
    '<rootDir>/.next-sandbox',
  ],
  modulePathIgnorePatterns: ['<rootDir>/.next', '<rootDir>/.next-sandbox'],
};

export default createJestConfig(config);

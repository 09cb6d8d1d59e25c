// ESLint for the whole tree: typed typescript-eslint rules, import cycles, React hooks and jsx-a11y for the admin,
// no focused or skipped tests, no unused imports, no floating promises. Prettier formats; this config leaves style to it.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import importX from 'eslint-plugin-import-x';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import unusedImports from 'eslint-plugin-unused-imports';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules', '.build', '.data', 'cdk.out', 'coverage', 'shared/data', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.js'] }, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node, ...globals.browser },
    },
    plugins: { 'import-x': importX, 'unused-imports': unusedImports },
    settings: { 'import-x/resolver-next': [importX.createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })] },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      // Many async functions implement a promise-returning contract (middy middlewares, react-admin providers, mail
      // transports) without awaiting anything themselves; an await-less async function is not a bug here.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      'unused-imports/no-unused-imports': 'error',
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      // zod's classic API puts every method on every schema and so cannot be tree-shaken: ~60 KB more in every
      // function's cold start and in the admin (docs/benchmarks.md, #18). The schemas use zod/mini.
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'zod', message: "Use 'zod/mini' (functions and checks: z.optional(s), s.check(z.minLength(1)))." }] },
      ],
      'no-restricted-properties': [
        'error',
        ...['describe', 'it', 'test'].flatMap((object) =>
          ['only', 'skip', 'todo'].map((property) => ({ object, property, message: 'A test must run: no .only, .skip or .todo.' })),
        ),
      ],
    },
  },
  {
    files: ['admin/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: { ...reactHooks.configs.recommended.rules, ...jsxA11y.flatConfigs.recommended.rules },
  },
  {
    // Tests read JSON answers (success and error bodies alike) and walk parsed documents: they are typed loosely on
    // purpose, and the answers are checked against the contracts at run time (test/support/api.ts).
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked },
  prettier,
);

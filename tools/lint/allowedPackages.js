// @ts-check
import { builtinModules } from 'node:module';

/**
 * `layers/allowed-packages`: a file may import from node_modules only the packages its layer lists
 * (options: `{ layer, packages, node }`; `node: true` also lets it use Node's built-in modules).
 * Every way a module is named is checked: import and export … from, `import type`, dynamic
 * `import()`, `require()`, `import x = require()` and `typeof import()` in types. Relative and absolute
 * paths are the path rules' business (import-x/no-restricted-paths), not this rule's.
 */

const builtins = new Set(builtinModules);

/** The package a bare specifier names: `@scope/name` or `name`, without a subpath or a `?query`. */
export function packageOf(specifier) {
  const bare = specifier.split('?')[0] ?? specifier;
  const parts = bare.split('/');
  return bare.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? bare);
}

export const isNodeBuiltin = (specifier) => specifier.startsWith('node:') || builtins.has(packageOf(specifier));

/** @type {import('eslint').Rule.RuleModule} */
export const allowedPackages = {
  meta: {
    type: 'problem',
    docs: { description: 'Each layer imports only the npm packages (and Node built-ins) it lists.' },
    schema: [
      {
        type: 'object',
        properties: {
          layer: { type: 'string' },
          packages: { type: 'array', items: { type: 'string' }, uniqueItems: true },
          node: { type: 'boolean' },
        },
        required: ['layer', 'packages'],
        additionalProperties: false,
      },
    ],
    messages: {
      package: "{{layer}} may not import '{{name}}'. Its packages: {{allowed}} (docs/ARCHITECTURE.md, “Layers”).",
      node: "{{layer}} may not import '{{name}}': no Node APIs here, this code also runs in a sandboxed page.",
      electron: "{{layer}} may not import '{{name}}': only main/electron and the preload import 'electron'.",
    },
  },
  create(context) {
    const { layer, packages, node = false } = context.options[0] ?? {};
    const allowed = new Set(packages);

    /** @param {import('estree').Node | null | undefined} source */
    function check(source) {
      if (!source) return;
      const name =
        source.type === 'Literal' && typeof source.value === 'string'
          ? source.value
          : source.type === 'TemplateLiteral' && source.expressions.length === 0
            ? source.quasis[0]?.value.cooked
            : undefined;
      if (!name || name.startsWith('.') || name.startsWith('/')) return;
      const pkg = packageOf(name);
      if (isNodeBuiltin(name)) {
        if (!node) context.report({ node: source, messageId: 'node', data: { layer, name } });
        return;
      }
      if (allowed.has(pkg)) return;
      const messageId = pkg === 'electron' ? 'electron' : 'package';
      context.report({ node: source, messageId, data: { layer, name, allowed: [...allowed].join(', ') || '—' } });
    }

    return {
      ImportDeclaration: (n) => check(n.source),
      ExportNamedDeclaration: (n) => check(n.source),
      ExportAllDeclaration: (n) => check(n.source),
      ImportExpression: (n) => check(n.source),
      CallExpression: (n) => {
        if (n.callee.type === 'Identifier' && n.callee.name === 'require') check(/** @type {any} */ (n.arguments[0]));
      },
      /** @param {any} n */
      TSExternalModuleReference: (n) => check(n.expression),
      /** @param {any} n */
      TSImportType: (n) => check(n.argument?.type === 'TSLiteralType' ? n.argument.literal : n.argument),
    };
  },
};

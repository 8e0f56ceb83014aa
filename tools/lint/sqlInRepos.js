// @ts-check

/**
 * `layers/sql-in-repos`: SQL is written only in repositories (`*Repo.ts`, the store layer, migrations).
 * A call of `.prepare(…)`, `.pragma(…)` or `.exec(…)` whose first argument is SQL text — a string
 * literal, a template literal, or a concatenation starting with one — is refused wherever the rule is
 * on; `RegExp#exec` on a variable stays allowed. Where it is on and off is eslint.config.js's business.
 */

const METHODS = new Set(['prepare', 'pragma', 'exec']);

/** @param {import('estree').Node | undefined} node */
function isText(node) {
  if (!node) return false;
  if (node.type === 'Literal') return typeof node.value === 'string';
  if (node.type === 'TemplateLiteral') return true;
  if (node.type === 'BinaryExpression' && node.operator === '+') return isText(/** @type {import('estree').Node} */ (node.left));
  return false;
}

/** @type {import('eslint').Rule.RuleModule} */
export const sqlInRepos = {
  meta: {
    type: 'problem',
    docs: { description: 'SQL only in repositories (*Repo.ts) and the store layer.' },
    schema: [],
    messages: {
      sql: "SQL in '.{{method}}(…)' outside a repository: move the statement into a *Repo.ts of this folder, behind a method named for what it does (docs/ARCHITECTURE.md, “SQL only in repositories”).",
    },
  },
  create(context) {
    return {
      CallExpression(node) {
        const callee = node.callee;
        if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier') return;
        if (!METHODS.has(callee.property.name)) return;
        const first = node.arguments[0];
        if (first && first.type !== 'SpreadElement' && isText(first))
          context.report({ node, messageId: 'sql', data: { method: callee.property.name } });
      },
    };
  },
};

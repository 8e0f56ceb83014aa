// electron-builder's custom Windows signer (win.signtoolOptions.sign): every .exe/.dll/.msi it signs
// goes through the county's signing tool, named by JIUZHU_SIGN_COMMAND with {file} where the file goes,
// e.g. `signtool sign /fd sha256 /tr http://tsa.example/ /td sha256 /sha1 <thumbprint> {file}` (a
// hardware token or the county's signing service). JIUZHU_REQUIRE_SIGNING=1 (set for releases) makes
// a missing command an error instead of an unsigned build.
const { spawnSync } = require('node:child_process');

function splitCommand(command) {
  const parts = [];
  const re = /"([^"]*)"|(\S+)/g;
  let m;
  while ((m = re.exec(command))) parts.push(m[1] ?? m[2]);
  return parts;
}

exports.default = async function sign(configuration, env = process.env) {
  const file = configuration.path;
  const command = env.JIUZHU_SIGN_COMMAND;
  if (!command) {
    if (env.JIUZHU_REQUIRE_SIGNING === '1')
      throw new Error(`sign-windows: JIUZHU_SIGN_COMMAND is not set and signing is required (${file})`);
    console.log(`sign-windows: not signed (no JIUZHU_SIGN_COMMAND): ${file}`);
    return;
  }
  const [program, ...args] = splitCommand(command).map((p) => (p === '{file}' ? file : p));
  if (!args.includes(file)) throw new Error('sign-windows: JIUZHU_SIGN_COMMAND must contain {file}');
  const run = spawnSync(program, args, { stdio: 'inherit', windowsHide: true });
  if (run.status !== 0) throw new Error(`sign-windows: the signer exited with ${run.status ?? run.signal} for ${file}`);
};

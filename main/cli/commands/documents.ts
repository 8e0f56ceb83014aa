import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { JiuzhuError, isJiuzhuError, type ApiError, type MethodOutput } from '../../../common/contract/index';
import { CATEGORY_LABELS, DOCUMENT_KINDS, type DocumentKind } from '../../../common/documents/index';
import { documents as messages } from '../../../common/i18n/zh-CN/documents';
import {
  certificatePayloadFromPdf,
  dehydrate,
  ensurePrivateDir,
  findFontsDir,
  loadDocumentFonts,
  renderDocument,
  SAMPLES,
  testKeys,
  writePrivateFile,
} from '../../core/cliSupport';
import { badArgs } from '../badArgs';
import type { Command, CommandContext } from '../command';
import { EXIT, type ExitCode } from '../io';
import { printFacts, reportError } from '../output';

type Values = Record<string, string | boolean | undefined>;

function parse(
  ctx: CommandContext,
  args: string[],
  options: NonNullable<NonNullable<Parameters<typeof parseArgs>[0]>['options']>,
): Values | ExitCode {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values as Values;
  } catch (error) {
    return badArgs(ctx, (error as Error).message);
  }
}

const KINDS = DOCUMENT_KINDS.join('、');
const isKind = (k: unknown): k is DocumentKind => typeof k === 'string' && (DOCUMENT_KINDS as readonly string[]).includes(k);
const failure = (e: unknown): ApiError => (isJiuzhuError(e) ? e : new JiuzhuError('INTERNAL', { ref: 'documents' })).toApiError();

function readJson(ctx: CommandContext, file: string): Record<string, unknown> | ExitCode {
  try {
    const value = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return badArgs(ctx, `${file} 应为一个 JSON 对象（文书数据）`);
    return value as Record<string, unknown>;
  } catch (e) {
    return badArgs(ctx, `读不了数据文件 ${file}：${(e as Error).message}`);
  }
}

/**
 * Issue one case's document (stored encrypted and audited like any other) and return its PDF:
 * from --input (a JSON file; --data is the global data directory) when given, else from the case's pending notice request of that kind.
 */
async function issueForCase(
  ctx: CommandContext,
  caseId: string,
  kind: DocumentKind,
  data: Record<string, unknown> | undefined,
): Promise<{ ok: true; doc: MethodOutput<'documents.issue'>; pdf: Buffer } | { ok: false; error: ApiError }> {
  let issued;
  if (data) issued = await ctx.invoke('documents.issue', { caseId, kind, data });
  else {
    const pending = await ctx.invoke('printQueue.list', { caseId, kind, state: 'pending', limit: 1 });
    if (!pending.ok) return { ok: false, error: pending.error };
    const request = pending.result[0];
    if (!request)
      return { ok: false, error: new JiuzhuError('DOC_NO_CASE_DATA', { caseId, kind: messages.documents.kinds[kind] }).toApiError() };
    issued = await ctx.invoke('printQueue.issue', { requestId: request.id });
  }
  if (!issued.ok) return { ok: false, error: issued.error };
  const doc = issued.result;
  const got = await ctx.invoke('documents.get', { documentId: doc.id });
  if (!got.ok) return { ok: false, error: got.error };
  return { ok: true, doc, pdf: Buffer.from(got.result.pdfBase64, 'base64') };
}

export const documentsRenderCommand: Command = {
  path: ['documents', 'render'],
  usage: `documents render --case 案件编号 --kind 文书类型 --out 文件.pdf [--input 数据.json]   （文书类型：${KINDS}）`,
  summary: '为一个案件生成文书（加密存档并审计），并写出 PDF',
  async run(args, ctx) {
    const v = parse(ctx, args, { case: { type: 'string' }, kind: { type: 'string' }, out: { type: 'string' }, input: { type: 'string' } });
    if (typeof v === 'number') return v;
    if (!v.case || !v.out) return badArgs(ctx, '需要 --case 和 --out');
    if (!isKind(v.kind)) return badArgs(ctx, `--kind 应为以下之一：${KINDS}`);
    const data = typeof v.input === 'string' ? readJson(ctx, v.input) : undefined;
    if (typeof data === 'number') return data;
    const r = await issueForCase(ctx, v.case as string, v.kind, data);
    if (!r.ok) return reportError(ctx, r.error);
    try {
      writePrivateFile(v.out as string, r.pdf);
    } catch (e) {
      return reportError(ctx, failure(e));
    }
    if (ctx.global.json) ctx.io.out(`${JSON.stringify({ ...r.doc, file: v.out })}\n`);
    else
      printFacts(ctx, [
        ['文书', messages.documents.kinds[v.kind]],
        ['页数', String(r.doc.pages)],
        ['SHA-256', r.doc.sha256],
        ['文件', v.out as string],
      ]);
    return EXIT.ok;
  },
};

export const documentsBatchCommand: Command = {
  path: ['documents', 'batch'],
  usage: 'documents batch --kind 文书类型 --cases 编号,编号,… --out 目录 [--input-dir 目录（内含 <案件编号>.json）]',
  summary: '为多个案件生成同一种文书，逐个写出 PDF；出错的案件列出原因，其余照常生成',
  async run(args, ctx) {
    const v = parse(ctx, args, {
      kind: { type: 'string' },
      cases: { type: 'string' },
      out: { type: 'string' },
      'input-dir': { type: 'string' },
    });
    if (typeof v === 'number') return v;
    if (!isKind(v.kind)) return badArgs(ctx, `--kind 应为以下之一：${KINDS}`);
    const cases = String(v.cases ?? '')
      .split(',')
      .map((c) => c.trim())
      .filter(Boolean);
    if (cases.length === 0 || !v.out) return badArgs(ctx, '需要 --cases（逗号分隔的案件编号）和 --out 目录');
    try {
      ensurePrivateDir(v.out as string);
    } catch (e) {
      return reportError(ctx, failure(e));
    }
    const results: Array<{ caseId: string; file?: string; sha256?: string; error?: { code: string; message: string } }> = [];
    for (const caseId of cases) {
      const data = typeof v['input-dir'] === 'string' ? readJson(ctx, join(v['input-dir'], `${caseId}.json`)) : undefined;
      if (typeof data === 'number') return data;
      const r = await issueForCase(ctx, caseId, v.kind, data);
      if (!r.ok) {
        results.push({ caseId, error: { code: r.error.code, message: r.error.message } });
        if (!ctx.global.json) ctx.io.err(`${caseId}：${r.error.message}\n`);
        continue;
      }
      const file = join(v.out as string, `${caseId.replace(/[^A-Za-z0-9._-]/g, '_')}-${v.kind}.pdf`);
      try {
        writePrivateFile(file, r.pdf);
      } catch (e) {
        const error = failure(e);
        results.push({ caseId, error: { code: error.code, message: error.message } });
        if (!ctx.global.json) ctx.io.err(`${caseId}：${error.message}\n`);
        continue;
      }
      results.push({ caseId, file, sha256: r.doc.sha256 });
      if (!ctx.global.json) ctx.io.out(`${caseId}\t${file}\n`);
    }
    const failed = results.filter((r) => r.error).length;
    if (ctx.global.json) ctx.io.out(`${JSON.stringify({ written: results.length - failed, failed, results })}\n`);
    else ctx.io.out(`共 ${cases.length} 个案件：生成 ${cases.length - failed} 份，失败 ${failed} 份。\n`);
    return failed ? EXIT.failure : EXIT.ok;
  },
};

export const documentsSampleCommand: Command = {
  path: ['documents', 'sample'],
  usage: 'documents sample --kind 文书类型 --out 文件.pdf [--data-out 数据.json]',
  summary: '用内置示例数据生成一份文书样张（不存档；证明用临时密钥签名），可另存示例数据作 --input 模板',
  async run(args, ctx) {
    const v = parse(ctx, args, { kind: { type: 'string' }, out: { type: 'string' }, 'data-out': { type: 'string' } });
    if (typeof v === 'number') return v;
    if (!isKind(v.kind) || !v.out) return badArgs(ctx, `需要 --out，以及 --kind（${KINDS}）`);
    try {
      const doc = await renderDocument(v.kind, SAMPLES[v.kind], {
        fonts: loadDocumentFonts(findFontsDir()),
        signingKey: testKeys().privateKey,
      });
      writePrivateFile(v.out as string, doc.pdf);
      if (typeof v['data-out'] === 'string') writePrivateFile(v['data-out'], `${JSON.stringify(dehydrate(SAMPLES[v.kind]), null, 2)}\n`);
      if (ctx.global.json)
        ctx.io.out(`${JSON.stringify({ kind: v.kind, file: v.out, pages: doc.pages, bytes: doc.pdf.length, sha256: doc.sha256 })}\n`);
      else ctx.io.out(`${v.out}\t${doc.pages} 页\t${(doc.pdf.length / 1024).toFixed(1)} KB\n`);
      return EXIT.ok;
    } catch (e) {
      return reportError(ctx, failure(e));
    }
  },
};

const VERDICT_EXIT: Record<string, ExitCode> = { CERT_MALFORMED: EXIT.badInput };
const VERDICTS: Record<string, string> = {
  CERT_BAD_SIGNATURE: 'altered',
  CERT_UNKNOWN_ISSUER: 'unknown-issuer',
  CERT_EXPIRED: 'expired',
  CERT_MALFORMED: 'malformed',
};

export const certificateVerifyCommand: Command = {
  path: ['certificate', 'verify'],
  usage: 'certificate verify (--file 证明.pdf | --payload 核验码文本)',
  summary: '核验救助证明：有效 → 0；被改动、出具单位不明或已过期 → 1；不是核验码 → 2',
  async run(args, ctx) {
    const v = parse(ctx, args, { file: { type: 'string' }, payload: { type: 'string' } });
    if (typeof v === 'number') return v;
    if (Boolean(v.file) === Boolean(v.payload)) return badArgs(ctx, '请给出 --file（证明 PDF）或 --payload（扫码得到的文本）其中之一');
    let payload = v.payload as string;
    if (typeof v.file === 'string') {
      let pdf: Buffer;
      try {
        pdf = readFileSync(v.file);
      } catch (e) {
        return badArgs(ctx, `读不了 ${v.file}：${(e as Error).message}`);
      }
      const fromPdf = certificatePayloadFromPdf(pdf);
      if (!fromPdf) return reportError(ctx, new JiuzhuError('CERT_MALFORMED').toApiError(), EXIT.badInput);
      payload = fromPdf;
    }
    const r = await ctx.invoke('certificate.verify', { payload });
    if (!r.ok) {
      const verdict = VERDICTS[r.error.code];
      if (ctx.global.json && verdict) {
        ctx.io.err(`${r.error.message}\n`);
        ctx.io.out(`${JSON.stringify({ verdict, error: { code: r.error.code, message: r.error.message } })}\n`);
        return VERDICT_EXIT[r.error.code] ?? EXIT.failure;
      }
      return reportError(ctx, r.error, verdict ? (VERDICT_EXIT[r.error.code] ?? EXIT.failure) : undefined);
    }
    const facts = r.result;
    if (ctx.global.json) ctx.io.out(`${JSON.stringify({ verdict: 'valid', facts })}\n`);
    else {
      ctx.io.out(`${messages.documents.certificateValid}\n`);
      printFacts(ctx, [
        ['证明编号', facts.certificateId],
        ['持证人', `${facts.holder}（身份证尾号 ${facts.idTail}）`],
        ['救助类别', CATEGORY_LABELS[facts.category]],
        ['月救助金', `${(facts.monthlyAmountFen / 100).toFixed(2)} 元`],
        ['起始月份', facts.since],
        ['有效期至', facts.validUntil],
        ['出具单位', facts.issuerId],
        [messages.documents.certificateAlgorithmLabel, messages.documents.certificateAlgorithm[facts.algorithm]],
      ]);
    }
    return EXIT.ok;
  },
};

/**
 * Alert destinations as a user capability: stored in Document properties (one key each), checked
 * before they are saved, masked on the way to the sidebar, and managed only by the spreadsheet's
 * owner or the destination's creator (the data source rules, datasources/access.ts). "Send test"
 * sends a sample message to the form as it is or to a stored destination, without saving; a
 * stored secret is only ever sent to the target it was saved for. Secrets never leave the server.
 */
import { translate, type Lang } from '../core/i18n';
import { UserError } from '../core/user-error';
import { canManage, createRefusal, managersOf, type Managed, type Who } from '../datasources/access';
import { deleteKey, readAllWithPrefix, readJson, writeJson } from '../adapters/document-properties';
import { maskDestination, mergeDestinationSecrets } from '../destinations/config';
import type { DestinationConfig, DestinationKind, OptionValues } from '../destinations/kind';
import { findDestinationKind, listDestinationKinds } from '../destinations/registry';
import { sendTest } from '../destinations/send-test';
import { validateDestination } from '../destinations/validate';
import type {
  DestinationInput,
  DestinationKindView,
  DestinationView,
  TestDestinationInput,
  TestDestinationView,
} from '../shared/api-types';
import type { ExecutionContext } from './context';

const PREFIX = 'sheetdash.dest.';

/** A destination as stored: its configuration (secrets in clear) and who created it. */
export interface StoredDestination extends DestinationConfig, Managed {}

export function destinationKindViews(lang: Lang): DestinationKindView[] {
  return listDestinationKinds().map((k) => ({
    id: k.id,
    label: k.label[lang],
    fields: k.fields.map(({ target: _target, ...f }) => ({ ...f, label: f.label[lang] })),
  }));
}

export function listDestinations(lang: Lang, who: Who): DestinationView[] {
  return readAllWithPrefix<StoredDestination>(PREFIX)
    .map((d) => view(d, lang, who))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** A stored destination with its secrets, for the server's own use (delivery), or null. */
export function findDestination(id: string): StoredDestination | null {
  return readJson<StoredDestination>(PREFIX + id);
}

export function saveDestination(input: DestinationInput, lang: Lang, who: Who): DestinationView {
  const kind = requireKind(input.kind, lang);
  const stored = input.id ? findDestination(input.id) : null;
  if (stored) assertManager(stored, lang, who);
  else assertCreator(lang, who);
  const options = optionsFor(input.options, stored, kind, lang);
  const problems = validateDestination(kind, options).map((p) => translate(lang, p.key, p.vars));
  if (!input.name.trim())
    problems.unshift(translate(lang, 'dest.fieldRequired', { field: translate(lang, 'dest.nameLabel') }));
  if (problems.length > 0) throw new UserError(problems.join('\n'));
  const config: StoredDestination = {
    id: stored?.id ?? Utilities.getUuid(),
    name: input.name.trim(),
    kind: kind.id,
    options: onlyFields(options, kind),
    createdBy: stored ? stored.createdBy : who.email,
  };
  writeJson(PREFIX + config.id, config);
  return view(config, lang, who);
}

export function deleteDestination(id: string, lang: Lang, who: Who): void {
  const stored = findDestination(id);
  if (!stored) return;
  assertManager(stored, lang, who);
  deleteKey(PREFIX + id);
}

/**
 * Sends a sample message to a stored destination as stored (`id` alone) or to the form's content
 * (`kind`, `options`, reusing the secrets of `id` only for an unchanged target). Saves nothing.
 * Anyone may test, as anyone may test a data source: the message goes only where a manager set it.
 */
export function sendTestDestination(
  input: TestDestinationInput,
  ctx: Pick<ExecutionContext, 'lang' | 'clock' | 'deadline'>,
): TestDestinationView {
  const lang = ctx.lang;
  const stored = input.id ? findDestination(input.id) : null;
  if (input.id && !stored) throw new UserError(translate(lang, 'dest.notFound', { id: input.id }));
  if (input.kind === undefined && !stored) throw new UserError(translate(lang, 'dest.kindRequired'));
  const kind = requireKind(input.kind ?? stored?.kind ?? '', lang);
  const options =
    input.kind === undefined ? (stored?.options ?? {}) : optionsFor(input.options ?? {}, stored, kind, lang);
  const problems = validateDestination(kind, options);
  if (problems.length > 0) {
    return {
      ok: false,
      outcome: { status: 'failed', attempts: 0, problem: { code: 'invalid-config' } },
      message: problems.map((p) => translate(lang, p.key, p.vars)).join('\n'),
    };
  }
  const destination: DestinationConfig = { id: stored?.id ?? 'test', name: stored?.name ?? '', kind: kind.id, options };
  const result = sendTest(destination, ctx);
  return { ok: result.outcome.status === 'delivered', outcome: result.outcome, message: result.message };
}

/** The incoming options with stored secrets kept where the target is unchanged; a mask for another target is refused. */
function optionsFor(
  incoming: OptionValues,
  stored: StoredDestination | null,
  kind: DestinationKind,
  lang: Lang,
): OptionValues {
  const merged = mergeDestinationSecrets(incoming, stored, kind);
  if (merged.ok) return merged.options;
  const label = (name: string) =>
    kind.fields.find((f) => f.name === name)?.label[lang] ?? translate(lang, 'dest.kindField');
  throw new UserError(translate(lang, 'dest.secretReentry', { fields: merged.changed.map(label).join(', ') }));
}

/** Only the kind's own fields are stored. */
function onlyFields(options: OptionValues, kind: DestinationKind): OptionValues {
  const out: OptionValues = {};
  for (const field of kind.fields) {
    const value = options[field.name];
    out[field.name] = typeof value === 'string' ? value.trim() : value;
  }
  return out;
}

function requireKind(id: string, lang: Lang): DestinationKind {
  const kind = findDestinationKind(id);
  if (kind) return kind;
  throw new UserError(translate(lang, 'dest.unknownKind', { kind: id }));
}

function assertManager(stored: StoredDestination, lang: Lang, who: Who): void {
  if (canManage(stored, who)) return;
  const managers = managersOf(stored, who);
  if (managers.length === 0) throw new UserError(translate(lang, 'dest.noManager', { name: stored.name }));
  if (who.email === '') throw new UserError(translate(lang, 'dest.emailHidden'));
  throw new UserError(translate(lang, 'dest.notManager', { name: stored.name, managers: managers.join(', ') }));
}

function assertCreator(lang: Lang, who: Who): void {
  const refusal = createRefusal(who);
  if (refusal === 'emailHidden') throw new UserError(translate(lang, 'dest.emailHidden'));
  if (refusal === 'notOwner') throw new UserError(translate(lang, 'dest.createNotOwner', { owner: who.owner ?? '' }));
}

function view(stored: StoredDestination, lang: Lang, who: Who): DestinationView {
  const kind = findDestinationKind(stored.kind);
  const masked = kind ? maskDestination(stored, kind).options : {};
  return {
    id: stored.id,
    name: stored.name,
    kind: stored.kind,
    kindLabel: kind ? kind.label[lang] : stored.kind,
    options: masked,
    managedBy: managersOf(stored, who),
    canManage: canManage(stored, who),
  };
}

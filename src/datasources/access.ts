/**
 * Who may manage data sources (create, edit, delete, make writable). Everyone may list and use
 * them. Managers of a source are the spreadsheet's owner and the source's creator. Creating a
 * source is the owner's right; when the spreadsheet shows no owner (a shared drive, or an
 * owner whose address is hidden from this user) any user whose e-mail is known may create one
 * and then manages only what they created. A user whose e-mail is hidden manages nothing.
 */
export interface Who {
  /** The active user's e-mail; '' when Apps Script hides it. */
  email: string;
  /** The spreadsheet owner's e-mail; '' when hidden, null when there is no owner (shared drive). */
  owner: string | null;
}

/** A data source as far as access is concerned. */
export interface Managed {
  createdBy?: string;
}

const same = (a: string, b: string): boolean => a !== '' && a.toLowerCase() === b.toLowerCase();

/** The e-mails that manage a source: the visible owner and the recorded creator. */
export function managersOf(source: Managed, who: Who): string[] {
  const out: string[] = [];
  for (const email of [who.owner ?? '', source.createdBy ?? '']) {
    if (email !== '' && !out.some((e) => same(e, email))) out.push(email);
  }
  return out;
}

export function canManage(source: Managed, who: Who): boolean {
  return managersOf(source, who).some((email) => same(email, who.email));
}

export type CreateRefusal = 'emailHidden' | 'notOwner';

/** Why `who` may not create a data source, or null when they may. */
export function createRefusal(who: Who): CreateRefusal | null {
  if (who.email === '') return 'emailHidden';
  if (who.owner && !same(who.owner, who.email)) return 'notOwner';
  return null;
}

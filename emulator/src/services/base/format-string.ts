/**
 * Utilities.formatString: sprintf-like formatting (%s %d %i %f %e %x %X %o %c %%, with flags
 * "-", "+", " ", "0", a width and a precision).
 */
export function formatString(template: string, args: unknown[]): string {
  let i = 0;
  return template.replace(
    /%([-+ 0#]*)(\d+)?(?:\.(\d+))?([sdifeExXoc%])/g,
    (match, flags: string, width?: string, precision?: string, conv?: string) => {
      if (conv === '%') return '%';
      if (i >= args.length) return match;
      const arg = args[i++];
      let body: string;
      const num = Number(arg);
      switch (conv) {
        case 's':
          body = String(arg);
          if (precision !== undefined) body = body.slice(0, Number(precision));
          break;
        case 'd':
        case 'i':
          body = String(Math.trunc(num));
          break;
        case 'f':
          body = num.toFixed(precision === undefined ? 6 : Number(precision));
          break;
        case 'e':
        case 'E':
          body = num.toExponential(precision === undefined ? 6 : Number(precision));
          if (conv === 'E') body = body.toUpperCase();
          break;
        case 'x':
        case 'X':
          body = Math.trunc(num).toString(16);
          if (conv === 'X') body = body.toUpperCase();
          break;
        case 'o':
          body = Math.trunc(num).toString(8);
          break;
        default:
          body = typeof arg === 'number' ? String.fromCharCode(arg) : String(arg).charAt(0);
      }
      const numeric = conv !== 's' && conv !== 'c';
      if (numeric && num >= 0 && flags.includes('+')) body = `+${body}`;
      else if (numeric && num >= 0 && flags.includes(' ')) body = ` ${body}`;
      const w = width === undefined ? 0 : Number(width);
      if (body.length < w) {
        if (flags.includes('-')) body = body.padEnd(w);
        else if (flags.includes('0') && numeric) {
          const sign = /^[+\- ]/.test(body) ? body[0] : '';
          body = sign + body.slice(sign.length).padStart(w - sign.length, '0');
        } else body = body.padStart(w);
      }
      return body;
    },
  );
}

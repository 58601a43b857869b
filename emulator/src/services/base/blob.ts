/**
 * Blob (Utilities.newBlob and anything else that hands out bytes): data as a Buffer, a
 * content type and a name; bytes cross to the script as signed Java bytes.
 */
import { nodeEncoding, toBuffer, toSignedBytes } from './bytes';
import { enumName } from './enums';

type Methods =
  | 'getBytes'
  | 'getDataAsString'
  | 'getContentType'
  | 'setContentType'
  | 'getName'
  | 'setName'
  | 'setBytes'
  | 'setDataFromString'
  | 'copyBlob'
  | 'isGoogleType';

export class BlobFake implements Pick<GoogleAppsScript.Base.Blob, Methods> {
  static readonly appsScriptName = 'Blob';

  constructor(
    public _data: Buffer,
    private _contentType: string | null = null,
    private _name: string | null = null,
  ) {}

  getBytes(): number[] {
    return toSignedBytes(this._data);
  }
  getDataAsString(charset?: unknown): string {
    return this._data.toString(nodeEncoding(charset === undefined ? undefined : enumName(charset)));
  }
  getContentType(): string {
    return this._contentType as string;
  }
  setContentType(contentType: unknown): GoogleAppsScript.Base.Blob {
    this._contentType = contentType === null || contentType === undefined ? null : String(contentType);
    return this as unknown as GoogleAppsScript.Base.Blob;
  }
  getName(): string {
    return this._name as string;
  }
  setName(name: unknown): GoogleAppsScript.Base.Blob {
    this._name = String(name);
    return this as unknown as GoogleAppsScript.Base.Blob;
  }
  setBytes(data: unknown): GoogleAppsScript.Base.Blob {
    this._data = toBuffer(data);
    return this as unknown as GoogleAppsScript.Base.Blob;
  }
  setDataFromString(string: unknown, charset?: unknown): GoogleAppsScript.Base.Blob {
    this._data = toBuffer(String(string), charset === undefined ? undefined : enumName(charset));
    return this as unknown as GoogleAppsScript.Base.Blob;
  }
  copyBlob(): GoogleAppsScript.Base.Blob {
    return new BlobFake(
      Buffer.from(this._data),
      this._contentType,
      this._name,
    ) as unknown as GoogleAppsScript.Base.Blob;
  }
  isGoogleType(): boolean {
    return false;
  }
}

/**
 * A village's log is the file `<village>.yaml`, so its name must be one
 * that every file system a workspace travels to can hold as it is: copied to
 * Windows, a USB stick, a shared folder. Names that cannot be are refused,
 * never changed into another file name (which a clerk looking for the
 * village's log would not find, and two villages could share): a path
 * separator (`a/b` would make a folder), a line break or other control
 * character, a character Windows does not allow (< > : " | ? *), a name
 * Windows keeps for a device (CON, NUL, COM1…, with any extension), a
 * leading dot (a hidden file the log globs skip), a trailing dot or space
 * (Windows drops them), and a name longer than the 255 bytes a file name
 * may have. Pure.
 */
export type FileNameFault = 'separator' | 'control' | 'reserved-character' | 'reserved-name' | 'dot-or-space' | 'too-long';

/** The most bytes a file name may have (ext4, NTFS in UTF-16 units, APFS…; UTF-8 bytes are the strictest count). */
const MAX_NAME_BYTES = 255;

const RESERVED_NAMES = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

/** Why `name` + `extension` cannot be a log's file name, or undefined when it can. */
export function fileNameFault(name: string, extension = '.yaml'): FileNameFault | undefined {
  if (/[/\\]/.test(name)) return 'separator';
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'control';
  if (/[<>:"|?*]/.test(name)) return 'reserved-character';
  if (RESERVED_NAMES.test(name.trim())) return 'reserved-name';
  if (name.startsWith('.') || /[. ]$/.test(name)) return 'dot-or-space';
  if (Buffer.byteLength(name + extension, 'utf8') > MAX_NAME_BYTES) return 'too-long';
  return undefined;
}

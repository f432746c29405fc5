/**
 * Office documents are zip files, and zip writers stamp every entry with the
 * time of writing, so the same report made twice would differ. Scheduled
 * jobs compare outputs byte for byte: this rewrites a zip with every entry
 * dated the report's day, in the same order and with the same contents,
 * except for the text parts the caller asks to edit on the way.
 */
export async function stampZip(bytes: Uint8Array, day: string, edits: Record<string, (text: string) => string> = {}): Promise<Uint8Array> {
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(bytes);
  const date = new Date(`${day}T00:00:00Z`);
  const restamped = new JSZip();
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    const edit = edits[entry.name];
    const contents = edit ? edit(await entry.async('string')) : await entry.async('uint8array');
    restamped.file(entry.name, contents, { date, createFolders: false });
  }
  return restamped.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'DOS' });
}

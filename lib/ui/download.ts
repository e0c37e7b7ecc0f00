/** Saves text as a file through the browser's own download handling (no permission needed). */
export function downloadText(parts: BlobPart[], fileName: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob(parts, { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once started; give slow machines a moment before releasing it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

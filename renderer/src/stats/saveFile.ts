/**
 * Save bytes the core sent (base64) as a file through the page: a Blob and a download link. Works
 * the same in the browser shell and in Electron, where the download goes through the session's
 * ordinary save path; nothing of the file stays in memory after the click.
 */
export function saveBase64File(base64: string, fileName: string, mime: string): void {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

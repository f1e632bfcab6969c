/** Hands a downloaded file to the browser under the server's name, as a click on a link would. */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once started; the object URL only needs to outlive this task.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

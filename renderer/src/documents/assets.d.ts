/** Vite's `?url` imports: the asset's URL on the app's own origin (used for the pdf.js worker). */
declare module '*?url' {
  const url: string;
  export default url;
}

// jsPDF pulls html2canvas, dompurify and canvg for .html() and SVG, which we never use.
// vite.config.ts aliases them here so they are neither bundled nor precached.
export default {};
